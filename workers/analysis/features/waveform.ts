// The track's waveform for the UI: min/max amplitude plus low/mid/high band energy per column,
// at two zoom levels, packed into one small Uint8Array (about 10-15 KB for 5 minutes). Column
// width is not known until the stream ends (Ogg and MP3 do not say their length), so columns
// start fine and are merged pairwise whenever there are too many: memory stays fixed for any length.
//
// Packed layout 'WFM2' (all little-endian):
//   0  u8[4]  magic 'WFM2'
//   4  f32    durationS: the time span covered by all columns
//   8  u32    overviewColumns (O, about 2000)
//  12  u32    detailColumns (D: DETAIL_COLUMNS_PER_S per second of audio, at most DETAIL_MAX_COLUMNS)
//  16  ...    deflate-raw (fflate) of planes, each plane delta-coded (byte minus the previous byte
//             of the same plane, mod 256) because neighbouring columns are alike:
//             overview: O x min, O x max, O x low, O x mid, O x high
//               min/max: round(amplitude * 127) + 128, amplitude of the mono mix in [-1, 1]
//               low/mid/high: RMS of the band in dBFS mapped -60..0 dB -> 0..255 (0 = silent)
//               bands: low < 200 Hz < mid < 2 kHz < high (DJ-software style colouring)
//             detail: D x peak, D x colour
//               peak: round(max |amplitude| * 255)
//               colour: low (3 bits, << 5) | mid (3 bits, << 2) | high (2 bits), each the band's
//               0..255 level above, rounded to 8, 8 and 4 steps
// 'WFM1' (analyser 1.0.0: 5 interleaved bytes per column at both levels, not delta-coded) is still
// read. unpackWaveform returns both levels as 5 bytes per column [min, max, low, mid, high].
import { deflateSync } from 'fflate';

const CAPACITY = 16384;
export const OVERVIEW_COLUMNS = 2000;
/** Detail level: about 20 columns a second (50 ms) for zooming, capped so a long mix stays small. */
export const DETAIL_COLUMNS_PER_S = 20;
export const DETAIL_MAX_COLUMNS = 16000;
const HEADER_BYTES = 16;

export type { UnpackedWaveform, WaveformLevel } from '../../../src/domain/waveform-codec';
export { unpackWaveform } from '../../../src/domain/waveform-codec';

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
    const durationS = this.samples / this.fs;
    const overview = this.level(used, Math.min(OVERVIEW_COLUMNS, used));
    const d = Math.min(used, DETAIL_MAX_COLUMNS, Math.max(1, Math.ceil(durationS * DETAIL_COLUMNS_PER_S)));
    const detail = this.level(used, d);
    const o = overview.length / 5;
    const body = new Uint8Array(5 * o + 2 * d);
    for (let p = 0; p < 5; p++) for (let k = 0; k < o; k++) body[p * o + k] = overview[k * 5 + p]!;
    for (let k = 0; k < d; k++) {
      const c = detail.subarray(k * 5, k * 5 + 5);
      body[5 * o + k] = Math.min(255, 2 * Math.max(128 - c[0]!, c[1]! - 128));
      body[5 * o + d + k] = (Math.round((c[2]! * 7) / 255) << 5) | (Math.round((c[3]! * 7) / 255) << 2) | Math.round((c[4]! * 3) / 255);
    }
    deltaEncode(body, [o, o, o, o, o, d, d]);
    const packed = deflateSync(body, { level: 9 });
    const out = new Uint8Array(HEADER_BYTES + packed.length);
    const v = new DataView(out.buffer);
    out.set([0x57, 0x46, 0x4d, 0x32], 0); // 'WFM2'
    v.setFloat32(4, durationS, true);
    v.setUint32(8, o, true);
    v.setUint32(12, d, true);
    out.set(packed, HEADER_BYTES);
    return out;
  }

  /** Groups `used` fine columns into `n` output columns of 5 quantised bytes. */
  private level(used: number, n: number): Uint8Array {
    const out = new Uint8Array(n * 5);
    const [lowE, midE, highE] = this.bands as [Float64Array, Float64Array, Float64Array];
    for (let k = 0; k < n; k++) {
      const from = Math.floor((k * used) / n), to = Math.max(from + 1, Math.floor(((k + 1) * used) / n));
      let lo = Infinity, hi = -Infinity, count = 0, el = 0, em = 0, eh = 0;
      for (let i = from; i < to; i++) {
        if (this.min[i]! < lo) lo = this.min[i]!;
        if (this.max[i]! > hi) hi = this.max[i]!;
        el += lowE[i]!; em += midE[i]!; eh += highE[i]!;
        count += this.count[i]!;
      }
      out[k * 5] = amp(lo === Infinity ? 0 : lo);
      out[k * 5 + 1] = amp(hi === -Infinity ? 0 : hi);
      out[k * 5 + 2] = db(el, count);
      out[k * 5 + 3] = db(em, count);
      out[k * 5 + 4] = db(eh, count);
    }
    return out;
  }
}

const amp = (a: number): number => Math.max(0, Math.min(255, Math.round(Math.max(-1, Math.min(1, a)) * 127) + 128));
const db = (sum: number, count: number): number =>
  count > 0 && sum > 0 ? Math.max(0, Math.min(255, Math.round(((10 * Math.log10(sum / count) + 60) / 60) * 255))) : 0;

/** In place: each byte minus the previous byte of its plane (planes laid end to end, of the given lengths). */
function deltaEncode(body: Uint8Array, planes: number[]): void {
  let at = 0;
  for (const len of planes) {
    for (let i = at + len - 1; i > at; i--) body[i] = (body[i]! - body[i - 1]!) & 255;
    at += len;
  }
}
