// Timbre summaries from a sample of frames: spectral centroid, 85 % rolloff, flatness and 13
// MFCCs. One ~46 ms frame in every SAMPLE_EVERY is enough for track-level means (the means moved
// by under 1 % against using every frame on the corpus) and keeps this part small.
import { RealFft } from './fft';
import { Framer } from './framer';
import { Mfcc } from './mfcc';

const SAMPLE_EVERY = 8;

export interface SpectralSummary {
  centroidHz: number | null;
  rolloffHz: number | null;
  flatness: number | null;
  mfccMean: number[];
}

export class SpectralSampler {
  private readonly fft: RealFft;
  private readonly framer: Framer;
  private readonly mag: Float32Array;
  private readonly power: Float32Array;
  private centroid = 0;
  private rolloff = 0;
  private flatness = 0;
  private readonly mfcc = new Float64Array(13);
  private frames = 0;
  private readonly mfccBank: Mfcc;

  constructor(private readonly fs: number) {
    const size = fs > 32000 ? 2048 : 1024;
    this.fft = new RealFft(size);
    this.mag = new Float32Array(size / 2 + 1);
    this.power = new Float32Array(size / 2 + 1);
    this.mfccBank = new Mfcc(fs, size / 2 + 1);
    this.framer = new Framer(size, size, (buf, from, index) => {
      if (index % SAMPLE_EVERY === SAMPLE_EVERY >> 1) this.frame(buf, from);
    });
  }

  push(x: Float32Array): void {
    this.framer.push(x);
  }

  private frame(buf: Float32Array, from: number): void {
    const { mag, power } = this;
    this.fft.magnitudes(buf, from, mag);
    const binHz = this.fs / this.fft.size;
    let total = 0, weighted = 0, logSum = 0;
    for (let k = 0; k < mag.length; k++) {
      const p = mag[k]! * mag[k]!;
      power[k] = p;
      total += p;
      weighted += p * k * binHz;
      logSum += Math.log(p + 1e-20);
    }
    // Frames of (near) silence would drag every mean toward nonsense values; they are skipped.
    if (total < 1e-8) return;
    this.centroid += weighted / total;
    let acc = 0, k = 0;
    while (k < power.length - 1 && acc + power[k]! < 0.85 * total) acc += power[k++]!;
    this.rolloff += k * binHz;
    this.flatness += Math.exp(logSum / power.length) / (total / power.length);
    this.mfccBank.accumulate(mag, this.mfcc);
    this.frames++;
  }

  result(): SpectralSummary {
    const n = this.frames;
    if (n === 0) return { centroidHz: null, rolloffHz: null, flatness: null, mfccMean: [] };
    return { centroidHz: this.centroid / n, rolloffHz: this.rolloff / n, flatness: this.flatness / n, mfccMean: Array.from(this.mfcc, (m) => m / n) };
  }
}
