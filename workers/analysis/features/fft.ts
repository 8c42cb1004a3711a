// Real-input FFT magnitudes for the frame-based features. An N-point real transform is done as
// an N/2-point complex radix-2 transform plus a split step, on precomputed tables: frames here
// are 512 to 2048 points, where this beats calling into WASM (each essentia call copies its
// input vector element by element).

export class RealFft {
  private readonly half: number;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** Per-stage twiddles laid out stage after stage so the inner loop reads them in order. */
  private readonly twRe: Float64Array;
  private readonly twIm: Float64Array;
  /** Split-step twiddles e^{-2 pi i k / N}. */
  private readonly spRe: Float64Array;
  private readonly spIm: Float64Array;
  private readonly rev: Uint32Array;
  readonly window: Float32Array;

  /** `size` must be a power of two >= 4; frames are Hann-windowed before the transform. */
  constructor(readonly size: number) {
    if (size < 4 || size & (size - 1)) throw new Error(`FFT size ${size} is not a power of two >= 4`);
    const h = (this.half = size / 2);
    this.re = new Float64Array(h);
    this.im = new Float64Array(h);
    this.twRe = new Float64Array(h);
    this.twIm = new Float64Array(h);
    for (let len = 2, o = 0; len <= h; len <<= 1) {
      for (let j = 0; j < len / 2; j++, o++) {
        this.twRe[o] = Math.cos((-2 * Math.PI * j) / len);
        this.twIm[o] = Math.sin((-2 * Math.PI * j) / len);
      }
    }
    this.spRe = new Float64Array(h);
    this.spIm = new Float64Array(h);
    for (let k = 0; k < h; k++) {
      this.spRe[k] = Math.cos((-2 * Math.PI * k) / size);
      this.spIm[k] = Math.sin((-2 * Math.PI * k) / size);
    }
    this.rev = new Uint32Array(h);
    const bits = Math.log2(h);
    for (let i = 0; i < h; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.window = new Float32Array(size);
    for (let i = 0; i < size; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  }

  /** Writes |X[k]| for k = 0..size/2 into `out` (length size/2 + 1) from frame x[from, from + size). */
  magnitudes(x: Float32Array, from: number, out: Float32Array): void {
    const { re, im, rev, window: w, half: h, twRe, twIm } = this;
    // Pack even samples as real parts, odd samples as imaginary parts.
    for (let i = 0; i < h; i++) {
      const r = rev[i]!;
      re[r] = x[from + 2 * i]! * w[2 * i]!;
      im[r] = x[from + 2 * i + 1]! * w[2 * i + 1]!;
    }
    for (let len = 2, o = 0; len <= h; o += len >> 1, len <<= 1) {
      const hl = len >> 1;
      for (let start = 0; start < h; start += len) {
        for (let j = 0; j < hl; j++) {
          const wr = twRe[o + j]!, wi = twIm[o + j]!;
          const a = start + j, b = a + hl;
          const br = re[b]!, bi = im[b]!;
          const xr = br * wr - bi * wi;
          const xi = br * wi + bi * wr;
          const ar = re[a]!, ai = im[a]!;
          re[b] = ar - xr; im[b] = ai - xi;
          re[a] = ar + xr; im[a] = ai + xi;
        }
      }
    }
    // Split: X[k] = (Z[k] + conj Z[h-k]) / 2 + e^{-2 pi i k/N} (Z[k] - conj Z[h-k]) / 2i.
    const { spRe, spIm } = this;
    out[0] = Math.abs(re[0]! + im[0]!);
    out[h] = Math.abs(re[0]! - im[0]!);
    for (let k = 1; k < h; k++) {
      const zr = re[k]!, zi = im[k]!, cr = re[h - k]!, ci = -im[h - k]!;
      const er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);
      const dr = 0.5 * (zr - cr), di = 0.5 * (zi - ci);
      // (dr + i di) / i = di - i dr
      const or = di, oi = -dr;
      const tr = spRe[k]!, ti = spIm[k]!;
      const xr = er + or * tr - oi * ti;
      const xi = ei + or * ti + oi * tr;
      out[k] = Math.sqrt(xr * xr + xi * xi);
    }
  }
}
