// Reading the packed waveform (layout documented in workers/analysis/features/waveform.ts, which
// writes it). Pure, so the UI and the analyser share one definition of the format.
import { inflateSync } from 'fflate';

const HEADER_BYTES = 16;

export interface WaveformLevel {
  columns: number;
  /** columns x 5 bytes as described in the layout above. */
  data: Uint8Array;
}
export interface UnpackedWaveform {
  durationS: number;
  overview: WaveformLevel;
  detail: WaveformLevel;
}

function deltaDecode(body: Uint8Array, planes: number[]): void {
  let at = 0;
  for (const len of planes) {
    for (let i = at + 1; i < at + len; i++) body[i] = (body[i]! + body[i - 1]!) & 255;
    at += len;
  }
}

/** Reverses `pack` for the UI. Throws on bytes that are not a packed waveform. */
export function unpackWaveform(packed: Uint8Array): UnpackedWaveform {
  const v = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const magic = packed.length < HEADER_BYTES ? 0 : v.getUint32(0, false);
  if (magic !== 0x57464d31 && magic !== 0x57464d32) throw new Error('not a packed waveform (bad magic)');
  const o = v.getUint32(8, true), d = v.getUint32(12, true);
  const durationS = v.getFloat32(4, true);
  const body = inflateSync(packed.subarray(HEADER_BYTES));
  if (magic === 0x57464d31) {
    if (body.length !== (o + d) * 5) throw new Error('packed waveform is truncated');
    return { durationS, overview: { columns: o, data: body.subarray(0, o * 5) }, detail: { columns: d, data: body.subarray(o * 5) } };
  }
  if (body.length !== 5 * o + 2 * d) throw new Error('packed waveform is truncated');
  deltaDecode(body, [o, o, o, o, o, d, d]);
  const overview = new Uint8Array(5 * o);
  for (let p = 0; p < 5; p++) for (let k = 0; k < o; k++) overview[k * 5 + p] = body[p * o + k]!;
  const detail = new Uint8Array(5 * d);
  for (let k = 0; k < d; k++) {
    const peak = Math.round(body[5 * o + k]! / 2), c = body[5 * o + d + k]!;
    detail.set([128 - Math.min(128, peak), 128 + Math.min(127, peak), Math.round((((c >> 5) & 7) * 255) / 7), Math.round((((c >> 2) & 7) * 255) / 7), Math.round(((c & 3) * 255) / 3)], k * 5);
  }
  return { durationS, overview: { columns: o, data: overview }, detail: { columns: d, data: detail } };
}
