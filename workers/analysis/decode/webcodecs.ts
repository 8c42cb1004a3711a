// MP4/M4A (AAC, ALAC) and raw ADTS AAC: mediabunny demuxes, the platform's WebCodecs AudioDecoder
// decodes. Browsers only: Node has no AudioDecoder, and we say so rather than guess.
import { DecodeFailure, type PcmStream } from './types';

export function hasWebCodecs(): boolean {
  return typeof (globalThis as { AudioDecoder?: unknown }).AudioDecoder === 'function';
}

export async function* decodeWebCodecs(blob: Blob): PcmStream {
  if (!hasWebCodecs()) throw new DecodeFailure('MP4/AAC/ALAC decoding needs WebCodecs (AudioDecoder), which this runtime lacks');
  const { Input, BlobSource, ALL_FORMATS, AudioSampleSink } = await import('mediabunny');
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new DecodeFailure('the container has no audio track');
    if (!(await track.canDecode())) throw new DecodeFailure(`this browser cannot decode ${track.codec ?? 'this'} audio`);
    const sink = new AudioSampleSink(track);
    for await (const sample of sink.samples()) {
      try {
        const channels: Float32Array[] = [];
        for (let c = 0; c < sample.numberOfChannels; c++) {
          const plane = new Float32Array(sample.numberOfFrames);
          sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
          channels.push(plane);
        }
        yield { sampleRateHz: sample.sampleRate, channels };
      } finally {
        sample.close();
      }
    }
  } finally {
    input.dispose();
  }
}
