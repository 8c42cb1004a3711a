// MFCCs with essentia's default conventions (40 HTK-mel bands from 0 to 11 kHz, unit-sum
// triangles on the power spectrum, dB, orthonormal DCT-II, 13 coefficients), computed in JS:
// essentia.js rebuilds its filterbank on every call (~2.6 ms each), which alone broke the budget.

const BANDS = 40;
const COEFFS = 13;

const hzToMel = (f: number): number => 2595 * Math.log10(1 + f / 700);
const melToHz = (m: number): number => 700 * (10 ** (m / 2595) - 1);

export class Mfcc {
  /** Per band: first bin and weights of its triangle. */
  private readonly filters: { from: number; weights: Float64Array }[] = [];
  private readonly dct: Float64Array[];
  private readonly energies = new Float64Array(BANDS);

  constructor(fs: number, bins: number) {
    const binHz = fs / 2 / (bins - 1);
    const top = Math.min(11000, fs / 2);
    const edges = Array.from({ length: BANDS + 2 }, (_, i) => melToHz((hzToMel(top) * i) / (BANDS + 1)));
    for (let b = 0; b < BANDS; b++) {
      const [lo, mid, hi] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
      const from = Math.ceil(lo / binHz), to = Math.min(bins - 1, Math.floor(hi / binHz));
      const weights = new Float64Array(Math.max(0, to - from + 1));
      let sum = 0;
      for (let k = from; k <= to; k++) {
        const f = k * binHz;
        const w = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
        weights[k - from] = Math.max(0, w);
        sum += Math.max(0, w);
      }
      if (sum > 0) for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / sum;
      this.filters.push({ from, weights });
    }
    this.dct = Array.from({ length: COEFFS }, (_, c) =>
      Float64Array.from({ length: BANDS }, (_, b) => Math.sqrt((c === 0 ? 1 : 2) / BANDS) * Math.cos((Math.PI * c * (b + 0.5)) / BANDS)),
    );
  }

  /** Adds this frame's 13 coefficients to `acc`, from magnitudes |X[k]|. */
  accumulate(mag: Float32Array, acc: Float64Array): void {
    for (let b = 0; b < BANDS; b++) {
      const { from, weights } = this.filters[b]!;
      let e = 0;
      for (let i = 0; i < weights.length; i++) { const m = mag[from + i]!; e += weights[i]! * m * m; }
      this.energies[b] = 20 * Math.log10(Math.max(e, 1e-10));
    }
    for (let c = 0; c < COEFFS; c++) {
      const row = this.dct[c]!;
      let s = 0;
      for (let b = 0; b < BANDS; b++) s += row[b]! * this.energies[b]!;
      acc[c] = acc[c]! + s;
    }
  }
}
