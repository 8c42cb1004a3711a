// Shared shapes of the decode layer: every decoder yields planar float PCM chunks at the
// source rate, so loudness sees every channel and nothing is resampled before it is measured.

export type AudioFormat = 'wav' | 'aiff' | 'mp3' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'ogg-flac' | 'mp4' | 'adts-aac';

/** One decoded slice of audio: planar channels of equal length, all at `sampleRateHz`. */
export interface PcmChunk {
  sampleRateHz: number;
  channels: Float32Array[];
}

/** A decoder is an async stream of chunks; it may hold at most a few seconds of PCM at once. */
export type PcmStream = AsyncGenerator<PcmChunk, void, undefined>;

/** Thrown by decoders for input they understand to be broken; the message is shown to a person. */
export class DecodeFailure extends Error {
  override name = 'DecodeFailure';
}

/**
 * Bytes read from the Blob per step: large enough to amortise WASM calls, small enough that the
 * decoded chunk (a few seconds) stays in cache through every feature; 1 MiB of MP3 was a minute of
 * audio and measurably slower.
 */
export const READ_BYTES = 1 << 18;

export async function* readSlices(blob: Blob, start = 0, end = blob.size, step = READ_BYTES): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; at += step) {
    yield new Uint8Array(await blob.slice(at, Math.min(end, at + step)).arrayBuffer());
  }
}
