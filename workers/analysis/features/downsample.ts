// Mono mixdown and halving of the sample rate for the analysis features (tempo, key, timbre,
// waveform), which do not need the source rate; loudness and true peak never go through here.

/** Averages all channels into one. */
export function mixdown(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]!.length;
  const out = new Float32Array(n);
  if (channels.length === 2) {
    const a = channels[0]!, b = channels[1]!;
    for (let i = 0; i < n; i++) out[i] = 0.5 * (a[i]! + b[i]!);
    return out;
  }
  const g = 1 / channels.length;
  for (const ch of channels) for (let i = 0; i < n; i++) out[i] = out[i]! + ch[i]!;
  for (let i = 0; i < n; i++) out[i]! *= g;
  return out;
}

/**
 * Halves the rate with a 7-tap half-band low-pass (about -30 dB above 0.8 x the new Nyquist),
 * keeping state across chunks. Good enough for features that look at spectra up to 5 kHz.
 * The returned array is a view of a buffer the next push overwrites: consumers must copy what
 * they keep (every feature here reads a chunk once, or copies it into its own frame buffer).
 */
export class Halver {
  /** The last 6 input samples, then this chunk's input (mixed to mono where needed). */
  private ext = new Float32Array(6);
  private out = new Float32Array(0);
  private phase = 0;

  push(x: Float32Array): Float32Array {
    const ext = this.extFor(x.length);
    ext.set(x, 6);
    return this.filter(ext, 6 + x.length);
  }

  /** Mixes the channels to mono and halves in one pass (saves a full-rate buffer per chunk). */
  pushMix(channels: Float32Array[]): Float32Array {
    if (channels.length !== 2) return this.push(mixdown(channels));
    const a = channels[0]!, b = channels[1]!;
    const ext = this.extFor(a.length);
    for (let i = 0; i < a.length; i++) ext[i + 6] = 0.5 * (a[i]! + b[i]!);
    return this.filter(ext, 6 + a.length);
  }

  /**
   * For a caller that mixes as it reads the channels anyway: the buffer to write n mono samples
   * into, from index mixOffset, before calling pushMixed(n).
   */
  mixBuffer(n: number): Float32Array {
    return this.extFor(n);
  }

  readonly mixOffset = 6;

  pushMixed(n: number): Float32Array {
    return this.filter(this.ext, 6 + n);
  }

  /** The scratch buffer with room for n new samples after the 6 held from the last chunk. */
  private extFor(n: number): Float32Array {
    if (this.ext.length < 6 + n) {
      const grown = new Float32Array(6 + n);
      grown.set(this.ext.subarray(0, 6));
      this.ext = grown;
    }
    return this.ext;
  }

  private filter(ext: Float32Array, len: number): Float32Array {
    const first = this.phase;
    const n = Math.max(0, Math.ceil((len - 6 - first) / 2));
    if (this.out.length < n) this.out = new Float32Array(n);
    const out = this.out;
    // Half-band taps: centre 0.5, +-1: 0.2961, +-3: -0.0461 (even taps are zero).
    for (let k = 0, i = first + 6; k < n; k++, i += 2) {
      out[k] = 0.5 * ext[i - 3]! + 0.2961 * (ext[i - 2]! + ext[i - 4]!) - 0.0461 * (ext[i]! + ext[i - 6]!);
    }
    this.phase = (first + 2 * n) - (len - 6);
    ext.copyWithin(0, len - 6, len);
    return out.subarray(0, n);
  }
}
