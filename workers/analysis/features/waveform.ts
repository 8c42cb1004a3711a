// The track's waveform for the UI: min/max amplitude plus low/mid/high band energy per column,
// at two zoom levels, packed into one small Uint8Array. Column width is not known until the
// stream ends (Ogg and MP3 do not say their length), so columns start fine and are merged
// pairwise whenever there are too many: memory stays fixed for any length.
//
// Packed layout (all little-endian):
//   0  u8[4]  magic 'WFM1'
//   4  f32    durationS: the time span covered by all columns
//   8  u32    overviewColumns (O, about 2000)
//  12  u32    detailColumns (D, about 4 x O; the zoom level)
//  16  ...    deflate-raw (fflate) of: O overview columns then D detail columns, 5 bytes each:
//             [min, max, low, mid, high]
//             min/max: round(amplitude * 127) + 128, amplitude of the mono mix in [-1, 1]
//             low/mid/high: RMS of the band in dBFS mapped -60..0 dB -> 0..255 (0 = silent)
//             bands: low < 200 Hz < mid < 2 kHz < high (DJ-software style colouring)
import { deflateSync, inflateSync } from 'fflate';

const CAPACITY = 16384;
export const OVERVIEW_COLUMNS = 2000;
export const DETAIL_COLUMNS = 8000;
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

/** One-pole-pair Butterworth biquad (RBJ cookbook) as [b0, b1, b2, a1, a2]. */
function biquad(kind: 'low' | 'high', f: number, fs: number): number[] {
  const w = (2 * Math.PI * Math.min(f, fs * 0.45)) / fs;
  const alpha = Math.sin(w) / Math.SQRT2;
  const c = Math.cos(w);
  const a0 = 1 + alpha;
  const b = kind === 'low' ? [(1 - c) / 2, 1 - c, (1 - c) / 2] : [(1 + c) / 2, -(1 + c), (1 + c) / 2];
  return [b[0]! / a0, b[1]! / a0, b[2]! / a0, (-2 * c) / a0, (1 - alpha) / a0];
}

export class WaveformBuilder {
  private block = 16; // samples per fine column
  private columns = 0;
  private filled = 0;
  private readonly min = new Float32Array(CAPACITY);
  private readonly max = new Float32Array(CAPACITY);
  private readonly bands = [new Float64Array(CAPACITY), new Float64Array(CAPACITY), new Float64Array(CAPACITY)];
  private readonly count = new Float64Array(CAPACITY);
  private readonly lp: number[];
  private readonly hp: number[];
  private readonly s = new Float64Array(4);
  private samples = 0;

  constructor(private readonly fs: number) {
    this.lp = biquad('low', 200, fs);
    this.hp = biquad('high', 2000, fs);
    this.min.fill(Infinity);
    this.max.fill(-Infinity);
  }

  push(x: Float32Array): void {
    const [l0, l1, l2, la1, la2] = this.lp as [number, number, number, number, number];
    const [h0, h1, h2, ha1, ha2] = this.hp as [number, number, number, number, number];
    let [z1, z2, w1, w2] = this.s as unknown as [number, number, number, number];
    const [lowE, midE, highE] = this.bands as [Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < x.length; ) {
      if (this.filled === this.block) {
        this.columns++;
        this.filled = 0;
        if (this.columns === CAPACITY) this.halve();
      }
      // One run of samples inside the current column, with the column's sums kept in locals.
      const c = this.columns;
      const end = Math.min(x.length, i + this.block - this.filled);
      let mn = this.min[c]!, mx = this.max[c]!, el = 0, em = 0, eh = 0;
      this.filled += end - i;
      this.count[c] = this.count[c]! + (end - i);
      for (; i < end; i++) {
        const v = x[i]!;
        const lo = l0 * v + z1;
        z1 = l1 * v - la1 * lo + z2;
        z2 = l2 * v - la2 * lo;
        const hi = h0 * v + w1;
        w1 = h1 * v - ha1 * hi + w2;
        w2 = h2 * v - ha2 * hi;
        const mid = v - lo - hi;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
        el += lo * lo;
        em += mid * mid;
        eh += hi * hi;
      }
      this.min[c] = mn;
      this.max[c] = mx;
      lowE[c] = lowE[c]! + el;
      midE[c] = midE[c]! + em;
      highE[c] = highE[c]! + eh;
    }
    this.s.set([z1, z2, w1, w2]);
    this.samples += x.length;
  }

  /** Merges column pairs so the builder can go on with columns twice as wide. */
  private halve(): void {
    const half = CAPACITY / 2;
    for (let i = 0; i < half; i++) {
      this.min[i] = Math.min(this.min[2 * i]!, this.min[2 * i + 1]!);
      this.max[i] = Math.max(this.max[2 * i]!, this.max[2 * i + 1]!);
      for (const b of this.bands) b[i] = b[2 * i]! + b[2 * i + 1]!;
      this.count[i] = this.count[2 * i]! + this.count[2 * i + 1]!;
    }
    this.min.fill(Infinity, half);
    this.max.fill(-Infinity, half);
    for (const b of this.bands) b.fill(0, half);
    this.count.fill(0, half);
    this.columns = half;
    this.block *= 2;
  }

  pack(): Uint8Array {
    const used = this.columns + (this.filled > 0 ? 1 : 0);
    const overview = this.level(used, Math.min(OVERVIEW_COLUMNS, used));
    const detail = this.level(used, Math.min(DETAIL_COLUMNS, used));
    const body = new Uint8Array(overview.length + detail.length);
    body.set(overview, 0);
    body.set(detail, overview.length);
    const packed = deflateSync(body, { level: 6 });
    const out = new Uint8Array(HEADER_BYTES + packed.length);
    const v = new DataView(out.buffer);
    out.set([0x57, 0x46, 0x4d, 0x31], 0); // 'WFM1'
    v.setFloat32(4, this.samples / this.fs, true);
    v.setUint32(8, overview.length / 5, true);
    v.setUint32(12, detail.length / 5, true);
    out.set(packed, HEADER_BYTES);
    return out;
  }

  /** Groups `used` fine columns into `n` output columns of 5 quantised bytes. */
  private level(used: number, n: number): Uint8Array {
    const out = new Uint8Array(n * 5);
    for (let k = 0; k < n; k++) {
      const from = Math.floor((k * used) / n), to = Math.max(from + 1, Math.floor(((k + 1) * used) / n));
      let lo = Infinity, hi = -Infinity, count = 0;
      const e = [0, 0, 0];
      for (let i = from; i < to; i++) {
        lo = Math.min(lo, this.min[i]!);
        hi = Math.max(hi, this.max[i]!);
        for (let b = 0; b < 3; b++) e[b]! += this.bands[b]![i]!;
        count += this.count[i]!;
      }
      const amp = (a: number) => Math.max(0, Math.min(255, Math.round(Math.max(-1, Math.min(1, a)) * 127) + 128));
      const db = (sum: number) => (count > 0 && sum > 0 ? Math.max(0, Math.min(255, Math.round(((10 * Math.log10(sum / count) + 60) / 60) * 255))) : 0);
      out.set([amp(lo === Infinity ? 0 : lo), amp(hi === -Infinity ? 0 : hi), db(e[0]!), db(e[1]!), db(e[2]!)], k * 5);
    }
    return out;
  }
}

/** Reverses `pack` for the UI. Throws on bytes that are not a packed waveform. */
export function unpackWaveform(packed: Uint8Array): UnpackedWaveform {
  const v = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < HEADER_BYTES || v.getUint32(0, false) !== 0x57464d31) throw new Error('not a packed waveform (bad magic)');
  const o = v.getUint32(8, true), d = v.getUint32(12, true);
  const body = inflateSync(packed.subarray(HEADER_BYTES));
  if (body.length !== (o + d) * 5) throw new Error('packed waveform is truncated');
  return {
    durationS: v.getFloat32(4, true),
    overview: { columns: o, data: body.subarray(0, o * 5) },
    detail: { columns: d, data: body.subarray(o * 5) },
  };
}
