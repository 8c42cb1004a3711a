// Streams plain PCM (WAV, AIFF) straight from the Blob: no WASM, any bit depth, bounded memory.
import { parsePcmLayout, type PcmLayout } from './pcm-layout';
import { DecodeFailure, READ_BYTES, readSlices, type PcmStream } from './types';

/** Header bytes read up front; WAVs with huge metadata chunks before 'data' are re-read larger. */
const HEAD_BYTES = 1 << 16;

export async function* decodePcm(blob: Blob): PcmStream {
  let layout: PcmLayout | null = null;
  for (let headBytes = HEAD_BYTES; !layout; headBytes *= 16) {
    const head = new Uint8Array(await blob.slice(0, headBytes).arrayBuffer());
    try {
      layout = parsePcmLayout(head, blob.size);
    } catch (e) {
      // A chunk walk that ran off the end of what we read may just need more header bytes.
      if (headBytes >= blob.size || !(e instanceof DecodeFailure) || !/no (data|SSND|fmt|COMM)/.test(e.message)) throw e;
    }
  }
  const frameBytes = (layout.bitsPerSample / 8) * layout.channels;
  const frames = Math.floor(layout.dataBytes / frameBytes);
  if (frames === 0) throw new DecodeFailure('no audio samples in the file');
  const step = Math.max(1, Math.floor(READ_BYTES / frameBytes)) * frameBytes;
  const end = layout.dataStart + frames * frameBytes;
  for await (const bytes of readSlices(blob, layout.dataStart, end, step)) {
    yield { sampleRateHz: layout.sampleRateHz, channels: convert(bytes, layout) };
  }
}

/** Interleaved integer/float bytes to planar float32 in [-1, 1). */
export function convert(bytes: Uint8Array, l: PcmLayout): Float32Array[] {
  const n = Math.floor(bytes.length / ((l.bitsPerSample / 8) * l.channels));
  const out = Array.from({ length: l.channels }, () => new Float32Array(n));
  if (l.encoding === 'int' && l.bitsPerSample === 16 && l.littleEndian && bytes.byteOffset % 2 === 0) {
    // The common case (CD audio) gets a typed-array path: DataView per sample is several times slower.
    const s16 = new Int16Array(bytes.buffer, bytes.byteOffset, n * l.channels);
    for (let c = 0; c < l.channels; c++) {
      const ch = out[c]!;
      for (let i = 0, j = c; i < n; i++, j += l.channels) ch[i] = s16[j]! / 32768;
    }
    return out;
  }
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = l.littleEndian;
  const bps = l.bitsPerSample / 8;
  let at = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < l.channels; c++, at += bps) {
      out[c]![i] = sample(v, at, l, le);
    }
  }
  return out;
}

function sample(v: DataView, at: number, l: PcmLayout, le: boolean): number {
  if (l.encoding === 'float') return l.bitsPerSample === 32 ? v.getFloat32(at, le) : v.getFloat64(at, le);
  switch (l.bitsPerSample) {
    case 8:
      return l.unsigned8 ? (v.getUint8(at) - 128) / 128 : v.getInt8(at) / 128;
    case 16:
      return v.getInt16(at, le) / 32768;
    case 24: {
      const b0 = v.getUint8(at), b1 = v.getUint8(at + 1), b2 = v.getUint8(at + 2);
      const u = le ? b0 | (b1 << 8) | (b2 << 16) : b2 | (b1 << 8) | (b0 << 16);
      return ((u << 8) >> 8) / 8388608;
    }
    default:
      return v.getInt32(at, le) / 2147483648;
  }
}
