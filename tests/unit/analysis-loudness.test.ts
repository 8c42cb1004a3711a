// The BS.1770 meter on signals whose loudness ffmpeg's ebur128 filter was run on:
//   aevalsrc 0.1*sin(2 pi 1000 t), 48 kHz, stereo -> I = -20.0 LUFS; mono 44.1 kHz -> -23.0 LUFS.
import { describe, expect, it } from 'vitest';
import { LoudnessMeter } from '../../workers/analysis/features/loudness';
import { TruePeakMeter } from '../../workers/analysis/features/truepeak';
import { sine } from './analysis-support';

function measure(channels: Float32Array[], fs: number, chunk = 4096) {
  const meter = new LoudnessMeter(fs, channels.length);
  for (let at = 0; at < channels[0]!.length; at += chunk) meter.push(channels.map((c) => c.subarray(at, at + chunk)));
  return meter.result();
}

describe('LoudnessMeter', () => {
  it('measures a -20 dBFS 1 kHz stereo sine at -20.0 LUFS and mono at -23.0 LUFS (as ffmpeg)', () => {
    const s48 = sine(48000, 10, 1000, 0.1);
    expect(measure([s48, s48], 48000).integratedLufs).toBeCloseTo(-20.0, 1);
    expect(measure([sine(44100, 10, 1000, 0.1)], 44100).integratedLufs).toBeCloseTo(-23.0, 1);
  });

  it('does not depend on how the stream is chunked, and works at odd rates', () => {
    const x = sine(22050, 6, 1000, 0.1);
    const a = measure([x], 22050, 1000).integratedLufs!;
    const b = measure([x], 22050, 77777).integratedLufs!;
    expect(a).toBeCloseTo(b, 6);
    expect(measure([sine(11025, 6, 1000, 0.1)], 11025).integratedLufs).toBeCloseTo(-23.0, 0);
  });

  it('gates silence out of the integrated value and reports the range between two levels', () => {
    const fs = 48000;
    const loud = sine(fs, 20, 1000, 0.1), quiet = sine(fs, 20, 1000, 0.1 * 10 ** (-6 / 20)), silence = new Float32Array(fs * 20);
    const x = new Float32Array(fs * 60);
    x.set(loud, 0); x.set(quiet, fs * 20); x.set(silence, fs * 40);
    const r = measure([x], fs);
    // Mean energy of -23 and -29 LUFS halves is -25.04 LUFS; the silent third is gated away
    // (blocks straddling the edges move it by a few hundredths).
    expect(Math.abs(r.integratedLufs! + 25.04)).toBeLessThan(0.1);
    expect(r.rangeLu).toBeGreaterThan(5.5);
    expect(r.rangeLu).toBeLessThan(6.5);
  });

  it('returns null for clips shorter than one 400 ms block and for silence', () => {
    expect(measure([sine(48000, 0.3, 1000, 0.1)], 48000).integratedLufs).toBeNull();
    expect(measure([new Float32Array(48000 * 3)], 48000).integratedLufs).toBeNull();
  });
});

describe('TruePeakMeter', () => {
  it('finds the peak between samples that the sample peak misses', () => {
    // fs/4 sine sampled at 45 degrees: every sample is at 0.707 of the true amplitude (-3 dB).
    const x = sine(48000, 1, 12000, 0.5, Math.PI / 4);
    const meter = new TruePeakMeter(1);
    meter.push([x]);
    expect(meter.resultDbtp()!).toBeCloseTo(20 * Math.log10(0.5), 0);
    expect(20 * Math.log10(Math.max(...x))).toBeLessThan(20 * Math.log10(0.5) - 2.9);
  });
});
