// True peak (BS.1770-4 Annex 2): the peak of the signal oversampled 4x. Oversampling every sample
// would cost more than all other features together, so only the gaps next to a sample within
// 3 dB of the loudest sample so far are interpolated. An inter-sample peak more than 3 dB above
// both of its neighbouring samples does not occur in band-limited music, so the maximum is the
// same (checked against ffmpeg's ebur128 in tests/bench/analysis-accuracy.ts).

const PHASES = 4;
const HALF = 12; // taps each side of the interpolation point
const SPAN = 2 * HALF;
const BLOCK = 64;
const MARGIN = 10 ** (-3 / 20);
/**
 * A gap gets the full 24-tap interpolation only when a 4-point cubic (Catmull-Rom) estimate of it
 * comes within this of the peak: on loud masters many samples lie within 3 dB of the peak and the
 * full filter on all their gaps cost as much as the loudness meter. The cubic is within a few
 * tenths of a dB of the band-limited value for music (little energy near Nyquist), so a 1.5 dB
 * margin leaves the result unchanged (checked against ffmpeg on the corpus).
 */
const CUBIC_MARGIN = 10 ** (-1.5 / 20);

/** Windowed-sinc polyphase interpolator: FIR[p][j] weights x[i - HALF + 1 + j] for time i + p/4. */
const FIR: Float64Array[] = Array.from({ length: PHASES }, (_, p) => {
  const h = new Float64Array(SPAN);
  for (let j = 0; j < SPAN; j++) {
    const t = j - (HALF - 1) - p / PHASES; // distance from the interpolation point in samples
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const w = 0.5 + 0.5 * Math.cos((Math.PI * t) / (HALF + 0.5)); // Hann over +-12.5 samples
    h[j] = sinc * w;
  }
  return h;
});

export class TruePeakMeter {
  /** Last SPAN samples of each channel: the left context of the next chunk's first gaps. */
  private readonly tails: Float32Array[];
  /** Tail plus the first SPAN samples of the chunk, for the gaps straddling the chunk boundary. */
  private readonly seam = new Float32Array(2 * SPAN);
  private peak = 0;
  /** Per-chunk scratch, per channel: max |x| of each BLOCK samples. */
  private readonly scratch: Float32Array[] = [];

  constructor(channels: number) {
    this.tails = Array.from({ length: channels }, () => new Float32Array(SPAN));
  }

  /** Per-channel arrays for the block maxima of an n-sample chunk, for LoudnessMeter.push to fill. */
  peakScratch(channels: number, n: number): Float32Array[] {
    const nb = Math.ceil(n / BLOCK);
    while (this.scratch.length < channels) this.scratch.push(new Float32Array(0));
    for (let c = 0; c < channels; c++) if (this.scratch[c]!.length < nb) this.scratch[c] = new Float32Array(nb + (nb >> 2));
    return this.scratch.slice(0, channels);
  }

  /**
   * Measures the next chunk. `known`: the block maxima are already in the arrays peakScratch
   * returned for this chunk (filled by the loudness meter's pass).
   */
  push(channels: Float32Array[], known = false): void {
    const maxima = known ? this.scratch : this.peakScratch(channels.length, channels[0]?.length ?? 0);
    for (let c = 0; c < channels.length; c++) {
      const x = channels[c]!, tail = this.tails[c]!;
      // Gaps (between sample i and i+1) need HALF samples either side. Those whose context reaches
      // back into the previous chunk are done on the seam; the last HALF gaps wait for the next chunk.
      const seamLen = Math.min(x.length, SPAN);
      this.seam.fill(0);
      this.seam.set(tail, 0);
      this.seam.set(x.subarray(0, seamLen), SPAN);
      // One pass for the maximum |x| of every BLOCK samples: it gives the sample peak (first: the
      // higher the bar early on, the fewer gaps need interpolating) and lets scan skip quiet blocks.
      const nb = Math.ceil(x.length / BLOCK);
      const bm = maxima[c]!;
      let max = 0;
      if (known) {
        for (let b = 0; b < nb; b++) if (bm[b]! > max) max = bm[b]!;
      } else {
        for (let b = 0, i = 0; b < nb; b++) {
          let m = 0;
          for (const stop = Math.min(x.length, i + BLOCK); i < stop; i++) m = Math.max(m, Math.abs(x[i]!));
          bm[b] = m;
          if (m > max) max = m;
        }
      }
      if (max > this.peak) this.peak = max;
      // Seam index s is chunk index s - SPAN; the previous chunk did its gaps up to -HALF - 1.
      this.scan(this.seam, HALF, Math.min(SPAN + HALF - 1, SPAN + seamLen - HALF), SPAN + seamLen);
      this.scanBlocks(x, bm, HALF - 1, x.length - HALF, nb);
      // Keep the last SPAN samples (fewer when the chunk is short: shift the old tail along).
      if (x.length >= SPAN) tail.set(x.subarray(x.length - SPAN));
      else { tail.copyWithin(0, x.length); tail.set(x, SPAN - x.length); }
    }
  }

  /**
   * Interpolates the gaps i in [from, to) of x[0, len) next to a sample within 3 dB of the loudest
   * so far. Blocks of BLOCK samples below that are skipped.
   */
  private scan(x: Float32Array, from: number, to: number, len: number): void {
    for (let b = Math.max(0, from - (from % BLOCK)); b < to; b += BLOCK) {
      const end = Math.min(len, b + BLOCK + 1);
      let max = 0;
      for (let i = b; i < end; i++) {
        const a = x[i]! < 0 ? -x[i]! : x[i]!;
        if (a > max) max = a;
      }
      if (max < this.peak * MARGIN) continue;
      for (let i = Math.max(from, b), stop = Math.min(to, b + BLOCK); i < stop; i++) {
        const a = Math.max(Math.abs(x[i]!), Math.abs(x[i + 1]!));
        if (a >= this.peak * MARGIN && cubicMax(x, i) >= this.peak * CUBIC_MARGIN) this.interpolate(x, i);
      }
    }
  }

  /** As scan over a whole chunk, with each block's max |x| already in bm (nb blocks). */
  private scanBlocks(x: Float32Array, bm: Float32Array, from: number, to: number, nb: number): void {
    for (let bi = Math.floor(from / BLOCK); bi < nb; bi++) {
      const b = bi * BLOCK;
      if (b >= to) break;
      const bar = this.peak * MARGIN;
      // Gap b + BLOCK - 1 also sees the next block's first sample.
      if (bm[bi]! < bar && (b + BLOCK >= x.length || Math.abs(x[b + BLOCK]!) < bar)) continue;
      for (let i = Math.max(from, b), stop = Math.min(to, b + BLOCK); i < stop; i++) {
        const a = Math.max(Math.abs(x[i]!), Math.abs(x[i + 1]!));
        if (a >= this.peak * MARGIN && cubicMax(x, i) >= this.peak * CUBIC_MARGIN) this.interpolate(x, i);
      }
    }
  }

  private interpolate(ext: Float32Array, i: number): void {
    const base = i - (HALF - 1);
    for (let p = 1; p < PHASES; p++) {
      const h = FIR[p]!;
      let y = 0;
      for (let j = 0; j < SPAN; j++) y += h[j]! * ext[base + j]!;
      const a = Math.abs(y);
      if (a > this.peak) this.peak = a;
    }
  }

  /** Flushes the held-back samples (with silence after them) and returns the true peak in dBTP. */
  resultDbtp(): number | null {
    this.push(this.tails.map(() => new Float32Array(SPAN)), false);
    return this.peak > 0 ? 20 * Math.log10(this.peak) : null;
  }
}

/** Largest |Catmull-Rom estimate| at the quarter, half and three-quarter points of gap i. */
function cubicMax(x: Float32Array, i: number): number {
  const p0 = x[i - 1]!, p1 = x[i]!, p2 = x[i + 1]!, p3 = x[i + 2]!;
  const a = -0.5 * p0 + 1.5 * p1 - 1.5 * p2 + 0.5 * p3;
  const b = p0 - 2.5 * p1 + 2 * p2 - 0.5 * p3;
  const c = 0.5 * (p2 - p0);
  let m = 0;
  for (let t = 0.25; t < 1; t += 0.25) {
    const y = ((a * t + b) * t + c) * t + p1;
    const v = y < 0 ? -y : y;
    if (v > m) m = v;
  }
  return m;
}
