// EBU R128 / ITU-R BS.1770-4 loudness meter: K-weighting at the source rate, 100 ms energy
// steps fed incrementally (so any file length costs the same memory per hour: 36,000 numbers),
// then integrated loudness (400 ms blocks, 75 % overlap, -70 LUFS absolute and -10 LU relative
// gates) and loudness range (EBU Tech 3342: 3 s windows, -20 LU relative gate, 10th-95th percentile).

/** Biquad coefficients [b0, b1, b2, a1, a2] of the two K-weighting stages for any sample rate. */
export function kWeighting(fs: number): [number[], number[]] {
  // Analog prototypes from BS.1770 re-derived per rate (as libebur128 and ffmpeg do), so 44.1 kHz,
  // 96 kHz or 8 kHz files are weighted exactly rather than with the 48 kHz table.
  let K = Math.tan((Math.PI * 1681.974450955533) / fs);
  const Vh = 10 ** (3.999843853973347 / 20);
  const Vb = Vh ** 0.4996667741545416;
  let Q = 0.7071752369554196;
  let a0 = 1 + K / Q + K * K;
  const shelf = [(Vh + (Vb * K) / Q + K * K) / a0, (2 * (K * K - Vh)) / a0, (Vh - (Vb * K) / Q + K * K) / a0, (2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0];
  K = Math.tan((Math.PI * 38.13547087602444) / fs);
  Q = 0.5003270373238773;
  a0 = 1 + K / Q + K * K;
  const highpass = [1, -2, 1, (2 * (K * K - 1)) / a0, (1 - K / Q + K * K) / a0];
  return [shelf, highpass];
}

/** BS.1770 channel weights by WAV/SMPTE order: surrounds +1.5 dB, LFE excluded. */
export function channelWeights(channels: number): number[] {
  if (channels === 6) return [1, 1, 1, 0, 1.41, 1.41]; // 5.1: L R C LFE Ls Rs
  if (channels === 5) return [1, 1, 1, 1.41, 1.41]; // 5.0
  return Array.from({ length: channels }, () => 1);
}

const lufs = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);

export class LoudnessMeter {
  private readonly shelf: number[];
  private readonly hp: number[];
  private readonly weights: number[];
  /** Per channel: 4 filter state values (z1, z2 of each stage). */
  private readonly state: Float64Array[];
  /** Weighted energy of every completed 100 ms step. */
  private readonly steps: number[] = [];
  private stepEnergy = 0;
  private stepFilled = 0;
  private stepIndex = 0;

  constructor(private readonly fs: number, channels: number) {
    [this.shelf, this.hp] = kWeighting(fs);
    this.weights = channelWeights(channels);
    this.state = Array.from({ length: channels }, () => new Float64Array(4));
  }

  private scratch = new Float32Array(0);

  private scratchMix(n: number): Float32Array {
    if (this.scratch.length < n) this.scratch = new Float32Array(n);
    return this.scratch;
  }

  /** Sample index at which 100 ms step k ends; exact for rates that are not multiples of 10 Hz. */
  private stepEnd(k: number): number {
    return Math.round(((k + 1) * this.fs) / 10);
  }

  /**
   * Measures the next chunk. With `peaks` (one array per channel of at least ceil(n / 64)
   * entries) and a stereo chunk, also writes each channel's max |sample| of every 64 samples,
   * which the true-peak meter needs: the filter loop waits on its own multiply-add chain, so the
   * extra comparisons come almost free there, and the chunk is read once instead of twice.
   * With `mix` as well, also writes the mono mix 0.5 * (L + R) of sample i to mix[mixAt + i]
   * (for the analysis halver, which then need not read the channels again).
   * Returns whether `peaks` (and `mix`) were filled.
   */
  push(channels: Float32Array[], peaks?: Float32Array[], mix?: Float32Array, mixAt = 0): boolean {
    const n = channels[0]!.length;
    const withPeaks = peaks !== undefined && channels.length === 2;
    // Without a caller's buffer the mix goes to a scratch one: one loop serves both cases.
    const mixTo = mix ?? (withPeaks ? this.scratchMix(n) : null);
    const mixFrom = mix ? mixAt : 0;
    let at = 0;
    while (at < n) {
      const len = this.stepEnd(this.stepIndex) - this.stepEnd(this.stepIndex - 1);
      const take = Math.min(len - this.stepFilled, n - at);
      if (withPeaks && mixTo) {
        this.stepEnergy += this.filterPairPeaksMix(channels[0]!, channels[1]!, at, at + take, peaks[0]!, peaks[1]!, mixTo, mixFrom);
      } else if (channels.length === 2) {
        this.stepEnergy += this.filterPair(channels[0]!, channels[1]!, at, at + take);
      } else {
        for (let c = 0; c < channels.length; c++) {
          if (this.weights[c] === 0) continue;
          this.stepEnergy += this.weights[c]! * this.filter(channels[c]!, at, at + take, this.state[c]!);
        }
      }
      at += take;
      this.stepFilled += take;
      if (this.stepFilled === len) {
        this.steps.push(this.stepEnergy / len);
        this.stepEnergy = 0;
        this.stepFilled = 0;
        this.stepIndex++;
      }
    }
    return withPeaks;
  }

  /** Runs both K-weighting stages over x[from, to) and returns the sum of squares. */
  private filter(x: Float32Array, from: number, to: number, s: Float64Array): number {
    const [b0, b1, b2, a1, a2] = this.shelf as [number, number, number, number, number];
    const [, , , c1, c2] = this.hp as [number, number, number, number, number];
    let z1 = s[0]!, z2 = s[1]!, w1 = s[2]!, w2 = s[3]!;
    let sum = 0;
    for (let i = from; i < to; i++) {
      // Transposed direct form II: two multiply-adds per state, stable in float64.
      const v = x[i]!;
      const y = b0 * v + z1;
      z1 = b1 * v - a1 * y + z2;
      z2 = b2 * v - a2 * y;
      const u = y + w1; // high-pass has b = [1, -2, 1]
      w1 = -2 * y - c1 * u + w2;
      w2 = y - c2 * u;
      sum += u * u;
    }
    s[0] = z1; s[1] = z2; s[2] = w1; s[3] = w2;
    return sum;
  }

  /**
   * As `filter` for both channels of a stereo pair in one loop (both weights are 1): the filter
   * is a chain of dependent multiply-adds, so two independent chains run in the time of one.
   */
  private filterPair(x: Float32Array, y: Float32Array, from: number, to: number): number {
    const [b0, b1, b2, a1, a2] = this.shelf as [number, number, number, number, number];
    const [, , , c1, c2] = this.hp as [number, number, number, number, number];
    const s = this.state[0]!, t = this.state[1]!;
    let z1 = s[0]!, z2 = s[1]!, w1 = s[2]!, w2 = s[3]!;
    let q1 = t[0]!, q2 = t[1]!, r1 = t[2]!, r2 = t[3]!;
    let sum = 0, sum2 = 0;
    for (let i = from; i < to; i++) {
      const v = x[i]!, g = y[i]!;
      const e = b0 * v + z1, f = b0 * g + q1;
      z1 = b1 * v - a1 * e + z2; q1 = b1 * g - a1 * f + q2;
      z2 = b2 * v - a2 * e; q2 = b2 * g - a2 * f;
      const u = e + w1, k = f + r1;
      w1 = -2 * e - c1 * u + w2; r1 = -2 * f - c1 * k + r2;
      w2 = e - c2 * u; r2 = f - c2 * k;
      sum += u * u; sum2 += k * k;
    }
    s[0] = z1; s[1] = z2; s[2] = w1; s[3] = w2;
    t[0] = q1; t[1] = q2; t[2] = r1; t[3] = r2;
    return sum + sum2;
  }

  /**
   * filterPair that also keeps the max |x| and |y| of each 64-sample block of the chunk in px, py,
   * and writes the mono mix of sample i to mix[mixAt + i].
   */
  private filterPairPeaksMix(
    x: Float32Array, y: Float32Array, from: number, to: number, px: Float32Array, py: Float32Array, mix: Float32Array, mixAt: number,
  ): number {
    const [b0, b1, b2, a1, a2] = this.shelf as [number, number, number, number, number];
    const [, , , c1, c2] = this.hp as [number, number, number, number, number];
    const s = this.state[0]!, t = this.state[1]!;
    let z1 = s[0]!, z2 = s[1]!, w1 = s[2]!, w2 = s[3]!;
    let q1 = t[0]!, q2 = t[1]!, r1 = t[2]!, r2 = t[3]!;
    let sum = 0, sum2 = 0;
    for (let i = from; i < to; ) {
      const block = i >> 6;
      const stop = Math.min(to, (block + 1) << 6);
      let mx = (i & 63) === 0 ? 0 : px[block]!, my = (i & 63) === 0 ? 0 : py[block]!;
      for (; i < stop; i++) {
        const v = x[i]!, g = y[i]!;
        mix[mixAt + i] = 0.5 * (v + g);
        const e = b0 * v + z1, f = b0 * g + q1;
        z1 = b1 * v - a1 * e + z2; q1 = b1 * g - a1 * f + q2;
        z2 = b2 * v - a2 * e; q2 = b2 * g - a2 * f;
        const u = e + w1, k = f + r1;
        w1 = -2 * e - c1 * u + w2; r1 = -2 * f - c1 * k + r2;
        w2 = e - c2 * u; r2 = f - c2 * k;
        sum += u * u; sum2 += k * k;
        mx = Math.max(mx, Math.abs(v));
        my = Math.max(my, Math.abs(g));
      }
      px[block] = mx;
      py[block] = my;
    }
    s[0] = z1; s[1] = z2; s[2] = w1; s[3] = w2;
    t[0] = q1; t[1] = q2; t[2] = r1; t[3] = r2;
    return sum + sum2;
  }

  /** Integrated loudness (LUFS), loudness range (LU); null where the audio is too short or silent. */
  result(): { integratedLufs: number | null; rangeLu: number | null } {
    return { integratedLufs: gatedLoudness(windowed(this.steps, 4), -10), rangeLu: loudnessRange(windowed(this.steps, 30)) };
  }
}

/** Mean energy of every run of `len` consecutive 100 ms steps (400 ms blocks, 3 s windows). */
export function windowed(steps: number[], len: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < steps.length; i++) {
    sum += steps[i]!;
    if (i >= len) sum -= steps[i - len]!;
    if (i >= len - 1) out.push(Math.max(0, sum) / len);
  }
  return out;
}

function gatedLoudness(blocks: number[], relativeLu: number): number | null {
  const above = blocks.filter((e) => e > 0 && lufs(e) > -70);
  if (above.length === 0) return null;
  const threshold = lufs(mean(above)) + relativeLu;
  const gated = above.filter((e) => lufs(e) > threshold);
  return gated.length ? lufs(mean(gated)) : null;
}

function loudnessRange(windows: number[]): number | null {
  const above = windows.filter((e) => e > 0 && lufs(e) > -70);
  if (above.length === 0) return null;
  const threshold = lufs(mean(above)) - 20;
  const gated = above.map(lufs).filter((l) => l > threshold).sort((a, b) => a - b);
  if (gated.length === 0) return null;
  const pick = (p: number) => gated[Math.min(gated.length - 1, Math.max(0, Math.round(p * (gated.length - 1))))]!;
  return pick(0.95) - pick(0.1);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
