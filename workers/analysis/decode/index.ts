// The decode layer's one entry point: sniff the bytes, pick the decoder, hand back a PCM stream.
// Unknown or empty input fails here with a sentence a person can act on.
import { decodePcm } from './pcm';
import { id3v2Size, looksLikeMpegStream, SNIFF_BYTES, sniffFormat, undecodedContainer } from './sniff';
import { DecodeFailure, type AudioFormat, type PcmStream } from './types';
import { decodeWasm } from './wasm';
import { decodeWebCodecs } from './webcodecs';

export { DecodeFailure, type AudioFormat, type PcmChunk, type PcmStream } from './types';

export interface OpenedAudio {
  format: AudioFormat;
  stream: PcmStream;
}

export async function openAudio(blob: Blob): Promise<OpenedAudio> {
  if (blob.size === 0) throw new DecodeFailure('the file is empty (0 bytes)');
  let head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const skip = id3v2Size(head);
  if (skip > 0) head = new Uint8Array(await blob.slice(skip, skip + SNIFF_BYTES).arrayBuffer());
  let format = sniffFormat(head);
  if (!format && looksLikeMpegStream(new Uint8Array(await blob.slice(skip, skip + (1 << 16)).arrayBuffer()))) format = 'mp3';
  if (!format) {
    const known = undecodedContainer(head);
    throw new DecodeFailure(
      known
        ? `${known} audio cannot be decoded for analysis yet (its tags are read); convert the file to FLAC or MP3 to measure tempo, key and loudness`
        : 'not a recognised audio file (no WAV, AIFF, MP3, FLAC, Ogg or MP4 signature in its first bytes)',
    );
  }
  return { format, stream: streamFor(blob, format, skip) };
}

function streamFor(blob: Blob, format: AudioFormat, skip: number): PcmStream {
  switch (format) {
    case 'wav':
    case 'aiff':
      return decodePcm(blob);
    case 'mp4':
    case 'adts-aac':
      return decodeWebCodecs(blob);
    default:
      // An ID3 tag in front of FLAC confuses the decoder, so it starts at the codec's own bytes.
      return decodeWasm(blob, format, format === 'mp3' ? 0 : skip);
  }
}
