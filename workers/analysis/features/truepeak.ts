// True peak (BS.1770-4 Annex 2): the peak of the signal oversampled 4x. Oversampling every sample
// would cost more than all other features together, so only 64-sample stretches whose own sample
// peak is within 6 dB of the loudest sample seen so far are interpolated: a band-limited signal
// does not rise 6 dB above every sample around it, so the maximum is unchanged in practice.

const PHASES = 4;
const HALF = 12; // taps each side of the interpolation point
const SPAN = 2 * HALF;
const BLOCK = 64;

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
  private readonly tails: Float32Array[];
  private peak = 0;

  constructor(channels: number) {
    this.tails = Array.from({ length: channels }, () => new Float32Array(SPAN));
  }

  push(channels: Float32Array[]): void {
    let chunkMax = 0;
    for (const ch of channels) for (let i = 0; i < ch.length; i++) { const a = Math.abs(ch[i]!); if (a > chunkMax) chunkMax = a; }
    const threshold = 0.5 * Math.max(this.peak, chunkMax);
    for (let c = 0; c < channels.length; c++) {
      const x = channels[c]!;
      const ext = new Float32Array(SPAN + x.length);
      ext.set(this.tails[c]!, 0);
      ext.set(x, SPAN);
      this.scan(ext, threshold);
      this.tails[c]!.set(ext.subarray(ext.length - SPAN));
    }
  }

  /** Interpolates ext[HALF - 1 .. length - HALF - 1]; the rest is scanned with the next chunk. */
  private scan(ext: Float32Array, threshold: number): void {
    const from = HALF - 1, to = ext.length - HALF - 1;
    for (let b = from; b < to; b += BLOCK) {
      const end = Math.min(to, b + BLOCK);
      let blockMax = 0;
      for (let i = b; i <= end; i++) { const a = Math.abs(ext[i]!); if (a > blockMax) blockMax = a; }
      if (blockMax > this.peak) this.peak = blockMax;
      if (blockMax < threshold) continue;
      for (let i = b; i < end; i++) {
        const base = i - (HALF - 1);
        for (let p = 1; p < PHASES; p++) {
          const h = FIR[p]!;
          let y = 0;
          for (let j = 0; j < SPAN; j++) y += h[j]! * ext[base + j]!;
          const a = Math.abs(y);
          if (a > this.peak) this.peak = a;
        }
      }
    }
  }

  /** Flushes the held-back samples (with silence after them) and returns the true peak in dBTP. */
  resultDbtp(): number | null {
    const channels = this.tails.map(() => new Float32Array(SPAN));
    this.push(channels);
    return this.peak > 0 ? 20 * Math.log10(this.peak) : null;
  }
}
