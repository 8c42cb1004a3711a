// Danceability by detrended fluctuation analysis (Streich & Herrera 2005), the same method and
// constants as essentia's Danceability, but streaming and O(n) per scale: essentia's version
// recomputes every linear fit from scratch (about 1.3 ms per audio second, 10x our whole budget
// share), while prefix sums give each fit's residual in constant time. Output normalised to 0..1
// by dividing essentia's 0..~3 scale by 3.

export class DanceabilityMeter {
  private readonly frameLen: number;
  private sd: number[] = [];
  private sum = 0;
  private sumSq = 0;
  private filled = 0;

  constructor(fs: number) {
    this.frameLen = Math.max(2, Math.floor(0.01 * fs)); // 10 ms
  }

  push(x: Float32Array): void {
    const L = this.frameLen;
    let sum = this.sum, sumSq = this.sumSq, filled = this.filled;
    for (let i = 0; i < x.length; ) {
      // One run of samples inside the current 10 ms frame, with the sums in locals.
      const end = Math.min(x.length, i + L - filled);
      filled += end - i;
      for (; i < end; i++) {
        const v = x[i]!;
        sum += v;
        sumSq += v * v;
      }
      if (filled === L) {
        const mean = sum / L;
        this.sd.push(Math.sqrt(Math.max(0, (sumSq - L * mean * mean) / (L - 1))));
        sum = sumSq = 0;
        filled = 0;
      }
    }
    this.sum = sum;
    this.sumSq = sumSq;
    this.filled = filled;
  }

  /** 0..1, or null for clips shorter than a few seconds. */
  result(): number | null {
    const raw = dfaDanceability(this.sd);
    return raw === null ? null : Math.max(0, Math.min(1, raw / 3));
  }
}

/** essentia's Danceability on a series of 10 ms standard deviations; null when too short. */
export function dfaDanceability(sd: number[]): number | null {
  const n = sd.length;
  const taus: number[] = [];
  for (let tau = 310; tau <= 8800; tau *= 1.1) taus.push(Math.floor(tau / 10));
  if (n <= taus[1]!) return null;
  const mean = sd.reduce((a, b) => a + b, 0) / n;
  // Integrated profile y, and prefix sums of y, i*y and y^2 for O(1) least-squares residuals.
  const Y = new Float64Array(n + 1), IY = new Float64Array(n + 1), YY = new Float64Array(n + 1);
  let y = 0;
  for (let i = 0; i < n; i++) {
    y += sd[i]! - mean;
    Y[i + 1] = Y[i]! + y;
    IY[i + 1] = IY[i]! + i * y;
    YY[i + 1] = YY[i]! + y * y;
  }
  const F: number[] = [];
  for (const tau of taus) {
    if (n < tau) break;
    const jump = Math.max(Math.floor(tau / 50), 1);
    const meanX = (tau - 1) / 2;
    const ssxx = (tau * (tau * tau - 1)) / 12;
    let total = 0;
    for (let k = 0; k < n - tau; k += jump) {
      const sy = Y[k + tau]! - Y[k]!;
      const syy = YY[k + tau]! - YY[k]!;
      const sxy = IY[k + tau]! - IY[k]! - k * sy; // sum of (local index) * y
      const meanY = sy / tau;
      const ssyy = syy - sy * meanY;
      const ssxy = sxy - meanX * sy;
      total += Math.max(0, ssyy - (ssxy * ssxy) / ssxx) / tau;
    }
    F.push(n === tau ? 0 : Math.sqrt(total / ((n - tau) / jump)));
  }
  if (F.length <= 1) return null;
  let alpha = 0;
  for (let i = 0; i < F.length - 1; i++) {
    if (!(F[i + 1]! > 0) || !(F[i]! > 0)) return 0;
    alpha += Math.log10(F[i + 1]! / F[i]!) / Math.log10((taus[i + 1]! + 3) / (taus[i]! + 3));
  }
  alpha /= F.length - 1;
  return alpha > 0 ? 1 / alpha : 0;
}
