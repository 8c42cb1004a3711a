// Real-input FFT magnitudes for the frame-based features. A plain radix-2 transform on
// precomputed tables: frames here are 512 to 2048 points, where this beats calling into WASM
// (each essentia call copies its input vector element by element).

export class RealFft {
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly rev: Uint32Array;
  readonly window: Float32Array;

  /** `size` must be a power of two; frames are Hann-windowed before the transform. */
  constructor(readonly size: number) {
    if (size & (size - 1)) throw new Error(`FFT size ${size} is not a power of two`);
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    this.cos = new Float64Array(size / 2);
    this.sin = new Float64Array(size / 2);
    for (let i = 0; i < size / 2; i++) {
      this.cos[i] = Math.cos((2 * Math.PI * i) / size);
      this.sin[i] = -Math.sin((2 * Math.PI * i) / size);
    }
    this.rev = new Uint32Array(size);
    const bits = Math.log2(size);
    for (let i = 0; i < size; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.window = new Float32Array(size);
    for (let i = 0; i < size; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  }

  /** Writes |X[k]| for k = 0..size/2 into `out` (length size/2 + 1) from frame x[from, from + size). */
  magnitudes(x: Float32Array, from: number, out: Float32Array): void {
    const { re, im, rev, window, size } = this;
    for (let i = 0; i < size; i++) {
      re[rev[i]!] = x[from + i]! * window[i]!;
      im[i] = 0;
    }
    for (let len = 2; len <= size; len <<= 1) {
      const half = len >> 1;
      const step = size / len;
      for (let start = 0; start < size; start += len) {
        for (let j = 0, t = 0; j < half; j++, t += step) {
          const wr = this.cos[t]!, wi = this.sin[t]!;
          const a = start + j, b = a + half;
          const xr = re[b]! * wr - im[b]! * wi;
          const xi = re[b]! * wi + im[b]! * wr;
          re[b] = re[a]! - xr; im[b] = im[a]! - xi;
          re[a] = re[a]! + xr; im[a] = im[a]! + xi;
        }
      }
    }
    for (let k = 0; k <= size / 2; k++) out[k] = Math.sqrt(re[k]! * re[k]! + im[k]! * im[k]!);
  }
}
