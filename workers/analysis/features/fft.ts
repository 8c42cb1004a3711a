// Real-input FFT magnitudes for the frame-based features. An N-point real transform is done as
// an N/2-point complex radix-2 transform plus a split step, on precomputed tables: frames here
// are 512 to 2048 points, where this beats calling into WASM (each essentia call copies its
// input vector element by element).

export class RealFft {
  private readonly half: number;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  /** Per-pass twiddles w^j (also the final radix-2 pass's), w^2j and w^3j, pass after pass. */
  private readonly tw1Re: Float64Array;
  private readonly tw1Im: Float64Array;
  private readonly tw2Re: Float64Array;
  private readonly tw2Im: Float64Array;
  private readonly tw3Re: Float64Array;
  private readonly tw3Im: Float64Array;
  private readonly lastRadix2: boolean;
  /** Split-step twiddles e^{-2 pi i k / N}. */
  private readonly spRe: Float64Array;
  private readonly spIm: Float64Array;
  /** For output slot p of the gather: the even input sample 2 * bitreverse(p) and its window values. */
  private readonly src: Uint32Array;
  private readonly winRe: Float64Array;
  private readonly winIm: Float64Array;
  readonly window: Float32Array;

  /** `size` must be a power of two >= 8; frames are Hann-windowed before the transform. */
  constructor(readonly size: number) {
    if (size < 8 || size & (size - 1)) throw new Error(`FFT size ${size} is not a power of two >= 8`);
    const h = (this.half = size / 2);
    this.re = new Float64Array(h);
    this.im = new Float64Array(h);
    // Radix-4 passes over blocks of 16, 64, ... (q = a quarter block), then one radix-2 pass over
    // the whole when the stage count is odd. Each pass's twiddles w^j, w^2j, w^3j lie in order.
    const tw: number[][] = [[], [], [], [], [], []];
    let q = 4;
    for (; 4 * q <= h; q *= 4) {
      for (let j = 0; j < q; j++) {
        for (let m = 1; m <= 3; m++) {
          tw[2 * m - 2]!.push(Math.cos((-2 * Math.PI * m * j) / (4 * q)));
          tw[2 * m - 1]!.push(Math.sin((-2 * Math.PI * m * j) / (4 * q)));
        }
      }
    }
    this.lastRadix2 = q < h; // blocks of q are done; one radix-2 stage (q = h / 2) remains
    if (this.lastRadix2) {
      for (let j = 0; j < q; j++) {
        tw[0]!.push(Math.cos((-2 * Math.PI * j) / h));
        tw[1]!.push(Math.sin((-2 * Math.PI * j) / h));
      }
    }
    [this.tw1Re, this.tw1Im, this.tw2Re, this.tw2Im, this.tw3Re, this.tw3Im] = tw.map((t) => Float64Array.from(t)) as [
      Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array,
    ];
    this.spRe = new Float64Array(h);
    this.spIm = new Float64Array(h);
    for (let k = 0; k < h; k++) {
      this.spRe[k] = Math.cos((-2 * Math.PI * k) / size);
      this.spIm[k] = Math.sin((-2 * Math.PI * k) / size);
    }
    this.window = new Float32Array(size);
    for (let i = 0; i < size; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
    this.src = new Uint32Array(h);
    this.winRe = new Float64Array(h);
    this.winIm = new Float64Array(h);
    const bits = Math.log2(h);
    for (let i = 0; i < h; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.src[i] = 2 * r;
      this.winRe[i] = this.window[2 * r]!;
      this.winIm[i] = this.window[2 * r + 1]!;
    }
  }

  /**
   * Writes |X[k]| for k = 0..bins (default size/2) into `out` (length >= bins + 1) from frame
   * x[from, from + size). Callers that only look at low bins pass `bins` to skip the rest.
   */
  magnitudes(x: Float32Array, from: number, out: Float32Array, bins = this.half): void {
    const { re, im, half: h, src, winRe, winIm } = this;
    // Gather in bit-reversed order (even samples as real parts, odd as imaginary, windowed) and do
    // the first two radix-2 stages at once: their twiddles are 1 and -i, so no multiplies.
    for (let p = 0; p < h; p += 4) {
      const s0 = from + src[p]!, s1 = from + src[p + 1]!, s2 = from + src[p + 2]!, s3 = from + src[p + 3]!;
      const a0r = x[s0]! * winRe[p]!, a0i = x[s0 + 1]! * winIm[p]!;
      const a1r = x[s1]! * winRe[p + 1]!, a1i = x[s1 + 1]! * winIm[p + 1]!;
      const a2r = x[s2]! * winRe[p + 2]!, a2i = x[s2 + 1]! * winIm[p + 2]!;
      const a3r = x[s3]! * winRe[p + 3]!, a3i = x[s3 + 1]! * winIm[p + 3]!;
      const s01r = a0r + a1r, s01i = a0i + a1i, d01r = a0r - a1r, d01i = a0i - a1i;
      const s23r = a2r + a3r, s23i = a2i + a3i, d23r = a2r - a3r, d23i = a2i - a3i;
      re[p] = s01r + s23r; im[p] = s01i + s23i;
      re[p + 2] = s01r - s23r; im[p + 2] = s01i - s23i;
      // (-i) * d23 = d23i - i d23r
      re[p + 1] = d01r + d23i; im[p + 1] = d01i - d23r;
      re[p + 3] = d01r - d23i; im[p + 3] = d01i + d23r;
    }
    const { tw1Re, tw1Im, tw2Re, tw2Im, tw3Re, tw3Im } = this;
    let q = 4, o = 0;
    for (; 4 * q <= h; o += q, q *= 4) {
      // Radix-4 decimation in time: two radix-2 stages at once, three twiddle products instead of four.
      for (let start = 0; start < h; start += 4 * q) {
        for (let j = 0; j < q; j++) {
          const i0 = start + j, i1 = i0 + q, i2 = i1 + q, i3 = i2 + q;
          const w1r = tw1Re[o + j]!, w1i = tw1Im[o + j]!, w2r = tw2Re[o + j]!, w2i = tw2Im[o + j]!, w3r = tw3Re[o + j]!, w3i = tw3Im[o + j]!;
          const x0r = re[i0]!, x0i = im[i0]!;
          const x1r = re[i1]!, x1i = im[i1]!, x2r = re[i2]!, x2i = im[i2]!, x3r = re[i3]!, x3i = im[i3]!;
          const y1r = x1r * w2r - x1i * w2i, y1i = x1r * w2i + x1i * w2r;
          const y2r = x2r * w1r - x2i * w1i, y2i = x2r * w1i + x2i * w1r;
          const y3r = x3r * w3r - x3i * w3i, y3i = x3r * w3i + x3i * w3r;
          const p0r = x0r + y1r, p0i = x0i + y1i, p1r = x0r - y1r, p1i = x0i - y1i;
          const p2r = y2r + y3r, p2i = y2i + y3i, p3r = y2r - y3r, p3i = y2i - y3i;
          re[i0] = p0r + p2r; im[i0] = p0i + p2i;
          re[i2] = p0r - p2r; im[i2] = p0i - p2i;
          // -i * p3 = p3i - i p3r
          re[i1] = p1r + p3i; im[i1] = p1i - p3r;
          re[i3] = p1r - p3i; im[i3] = p1i + p3r;
        }
      }
    }
    if (this.lastRadix2) {
      for (let a = 0; a < q; a++) {
        const wr = tw1Re[o + a]!, wi = tw1Im[o + a]!;
        const b = a + q;
        const br = re[b]!, bi = im[b]!;
        const xr = br * wr - bi * wi;
        const xi = br * wi + bi * wr;
        const ar = re[a]!, ai = im[a]!;
        re[b] = ar - xr; im[b] = ai - xi;
        re[a] = ar + xr; im[a] = ai + xi;
      }
    }
    // Split: X[k] = (Z[k] + conj Z[h-k]) / 2 + e^{-2 pi i k/N} (Z[k] - conj Z[h-k]) / 2i.
    const { spRe, spIm } = this;
    out[0] = Math.abs(re[0]! + im[0]!);
    if (bins >= h) out[h] = Math.abs(re[0]! - im[0]!);
    for (let k = 1, top = Math.min(bins, h - 1); k <= top; k++) {
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
