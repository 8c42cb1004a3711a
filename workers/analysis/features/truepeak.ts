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
  private peak = 0;

  constructor(channels: number) {
    this.tails = Array.from({ length: channels }, () => new Float32Array(SPAN));
  }

  push(channels: Float32Array[]): void {
    const exts = channels.map((x, c) => {
      const ext = new Float32Array(SPAN + x.length);
      ext.set(this.tails[c]!, 0);
      ext.set(x, SPAN);
      return ext;
    });
    const maxima = exts.map(blockMaxima);
    for (const m of maxima) for (let b = 0; b < m.length; b++) if (m[b]! > this.peak) this.peak = m[b]!;
    for (let c = 0; c < exts.length; c++) {
      const ext = exts[c]!, m = maxima[c]!;
      // Gaps i (between ext[i] and ext[i+1]) with full filter context: HALF-1 <= i < length-HALF-1.
      // The last HALF gaps are redone with the next chunk, whose ext starts with this tail.
      const from = HALF - 1, to = ext.length - HALF - 1;
      for (let b = Math.floor(from / BLOCK); b < m.length; b++) {
        if (m[b]! < this.peak * MARGIN) continue;
        const end = Math.min(to, (b + 1) * BLOCK);
        for (let i = Math.max(from, b * BLOCK - 1); i < end; i++) {
          const a = Math.max(Math.abs(ext[i]!), Math.abs(ext[i + 1]!));
          if (a >= this.peak * MARGIN) this.interpolate(ext, i);
        }
      }
      this.tails[c]!.set(ext.subarray(ext.length - SPAN));
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
    this.push(this.tails.map(() => new Float32Array(SPAN)));
    return this.peak > 0 ? 20 * Math.log10(this.peak) : null;
  }
}

function blockMaxima(x: Float32Array): Float32Array {
  const m = new Float32Array(Math.ceil(x.length / BLOCK));
  for (let b = 0, i = 0; b < m.length; b++) {
    let max = 0;
    for (const end = Math.min(x.length, i + BLOCK); i < end; i++) {
      const a = x[i]! < 0 ? -x[i]! : x[i]!;
      if (a > max) max = a;
    }
    m[b] = max;
  }
  return m;
}
