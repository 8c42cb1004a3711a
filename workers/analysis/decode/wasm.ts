// MP3, FLAC, Ogg Vorbis and Ogg Opus through the wasm-audio-decoders family. Each decoder is fed
// the file one slice at a time and frees its WASM memory when done, so a long mix never sits
// whole in memory, and no decoder state leaks from one file into the next.
import { DecodeFailure, readSlices, type AudioFormat, type PcmStream } from './types';

interface Decoded {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
  errors?: { message: string }[];
}

/** The part of the wasm-audio-decoders interface we use; decode is sync for some, async for others. */
interface StreamingDecoder {
  ready: Promise<void>;
  decode(data: Uint8Array): Decoded | Promise<Decoded>;
  flush?: () => Promise<Decoded>;
  free(): void;
}

async function create(format: AudioFormat): Promise<StreamingDecoder> {
  switch (format) {
    case 'mp3': {
      const { MPEGDecoder } = await import('mpg123-decoder');
      // Gapless trimming is off so durations agree with ffprobe (frames x 1152), which the library
      // compares against; trimming moved them by up to ~50 ms.
      return new MPEGDecoder({ enableGapless: false });
    }
    case 'flac':
    case 'ogg-flac': {
      const { FLACDecoder } = await import('@wasm-audio-decoders/flac');
      return new FLACDecoder();
    }
    case 'ogg-vorbis': {
      const { OggVorbisDecoder } = await import('@wasm-audio-decoders/ogg-vorbis');
      return new OggVorbisDecoder();
    }
    case 'ogg-opus': {
      const { OggOpusDecoder } = await import('ogg-opus-decoder');
      return new OggOpusDecoder();
    }
    default:
      throw new DecodeFailure(`no WASM decoder for ${format}`);
  }
}

/** Decodes `blob` (starting at `start`, e.g. after an ID3 tag) slice by slice. */
export async function* decodeWasm(blob: Blob, format: AudioFormat, start = 0): PcmStream {
  const decoder = await create(format);
  await decoder.ready;
  let frames = 0;
  let firstError = '';
  const take = (d: Decoded) => {
    if (!firstError && d.errors?.length) firstError = d.errors[0]!.message;
    if (d.samplesDecoded === 0 || d.channelData.length === 0) return null;
    frames += d.samplesDecoded;
    // The decoders hand out fresh arrays per call; trim only if one is longer than what was decoded.
    const n = d.samplesDecoded;
    return { sampleRateHz: d.sampleRate, channels: d.channelData.map((c) => (c.length === n ? c : c.slice(0, n))) };
  };
  try {
    for await (const bytes of readSlices(blob, start)) {
      const chunk = take(await decoder.decode(bytes));
      if (chunk) yield chunk;
    }
    if (decoder.flush) {
      const chunk = take(await decoder.flush());
      if (chunk) yield chunk;
    }
  } catch (e) {
    if (frames === 0) throw new DecodeFailure(`${format} decoder failed: ${decoderMessage(e)}`);
    // A file that breaks part-way keeps what decoded before the damage; the caller sees the shorter duration.
  } finally {
    decoder.free();
  }
  if (frames === 0) {
    throw new DecodeFailure(`no ${format} audio frames could be decoded${firstError ? ` (${firstError})` : ''}`);
  }
}

/**
 * A decoder's own words, except for a TypeError: the library's bug on damaged input (ogg-opus-decoder
 * on an Opus header of 0 channels: "Cannot read properties of undefined (reading 'samples')").
 */
function decoderMessage(e: unknown): string {
  return e instanceof TypeError ? 'the audio data is damaged in a way the decoder does not handle' : messageOf(e);
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
