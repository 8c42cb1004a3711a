// Runs every feature over one decoded stream in a single pass. Loudness and true peak see the
// source channels at the source rate; everything else sees a mono mix halved down to ~22 kHz
// (timbre, danceability) and ~11 kHz (waveform, tempo, key). Only accumulators live across
// chunks, so memory does not grow with the file's length beyond a few small per-second series.
import type { AnalysisResult } from './api';
import type { PcmStream } from './decode';
import { DecodeFailure } from './decode';
import type { Essentia } from './essentia/loader';
import { ChromaAccumulator } from './features/chroma';
import { DanceabilityMeter } from './features/danceability';
import { Halver, mixdown } from './features/downsample';
import { energyScore, onsetsPerSecond } from './features/energy';
import { estimateKey } from './features/key';
import { LoudnessMeter } from './features/loudness';
import { OnsetEnvelope } from './features/onset';
import { SpectralSampler } from './features/spectral';
import { estimateTempo } from './features/tempo';
import { TruePeakMeter } from './features/truepeak';
import { WaveformBuilder } from './features/waveform';
import { normaliseKey } from '../../src/domain/key';

export const ANALYSER = 'wolfie-analysis';
/** Bump on any change to an algorithm or parameter: the library re-analyses tracks whose version differs. */
export const ANALYSER_VERSION = '1.1.0';

type Measured = Omit<AnalysisResult, 'analyser' | 'analyserVersion'>;

class Chain {
  readonly loudness: LoudnessMeter;
  readonly truePeak: TruePeakMeter;
  readonly toWide: Halver[] = [];
  readonly toNarrow: Halver[] = [];
  readonly waveform: WaveformBuilder;
  readonly spectral: SpectralSampler;
  readonly dance: DanceabilityMeter;
  readonly onset: OnsetEnvelope;
  readonly chroma: ChromaAccumulator;
  frames = 0;

  constructor(readonly fs: number, readonly channels: number, essentia: Essentia) {
    this.loudness = new LoudnessMeter(fs, channels);
    this.truePeak = new TruePeakMeter(channels);
    let wide = fs;
    while (wide > 25000) { this.toWide.push(new Halver()); wide /= 2; }
    let narrow = wide;
    while (narrow > 12500) { this.toNarrow.push(new Halver()); narrow /= 2; }
    this.spectral = new SpectralSampler(wide);
    this.dance = new DanceabilityMeter(wide);
    this.waveform = new WaveformBuilder(narrow);
    this.onset = new OnsetEnvelope(narrow);
    this.chroma = new ChromaAccumulator(narrow);
  }

  push(channels: Float32Array[]): void {
    this.frames += channels[0]!.length;
    // One pass over the full-rate samples serves both: the loudness filter loop also notes the
    // block maxima the true-peak meter starts from (stereo; other layouts find them separately).
    // Where the first halver mixes stereo anyway, that loop writes its mono mix too.
    const n = channels[0]!.length;
    const first = this.toWide[0];
    const mix = first && channels.length === 2 ? first.mixBuffer(n) : undefined;
    const known = this.loudness.push(channels, this.truePeak.peakScratch(channels.length, n), mix, first?.mixOffset);
    this.truePeak.push(channels, known);
    let x = first ? (known && mix ? first.pushMixed(n) : first.pushMix(channels)) : mixdown(channels);
    for (const h of this.toWide.slice(1)) x = h.push(x);
    this.spectral.push(x);
    this.dance.push(x);
    for (const h of this.toNarrow) x = h.push(x);
    this.waveform.push(x);
    this.onset.push(x);
    this.chroma.push(x);
  }
}

export async function extract(stream: PcmStream, essentia: Essentia): Promise<Measured> {
  let chain: Chain | null = null;
  for await (const chunk of stream) {
    const n = chunk.channels[0]?.length ?? 0;
    if (n === 0) continue;
    chain ??= new Chain(chunk.sampleRateHz, chunk.channels.length, essentia);
    if (chunk.sampleRateHz !== chain.fs || chunk.channels.length !== chain.channels) {
      // Chained Ogg streams can switch format mid-file; measuring across the switch would mix scales.
      throw new DecodeFailure(`the audio format changes mid-file (${chain.fs} Hz x ${chain.channels} -> ${chunk.sampleRateHz} Hz x ${chunk.channels.length})`);
    }
    chain.push(chunk.channels);
  }
  if (!chain || chain.frames === 0) throw new DecodeFailure('no audio samples could be decoded');
  return summarise(chain, essentia);
}

function summarise(c: Chain, essentia: Essentia): Measured {
  const { integratedLufs, rangeLu } = c.loudness.result();
  const envelope = c.onset.envelope();
  const tempo = estimateTempo(envelope, c.onset.frameRateHz);
  const pcp = c.chroma.profile();
  const key = pcp ? estimateKey(essentia, pcp, c.chroma.triadCounts()) : null;
  const spelled = key ? normaliseKey(key.tonic, key.mode) : null;
  const spectral = c.spectral.result();
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
  return {
    durationS: c.frames / c.fs,
    sampleRateHz: c.fs,
    channels: c.channels,
    bpm: round(tempo?.bpm ?? null, 2),
    bpmConfidence: round(tempo?.confidence ?? null, 3),
    firstBeatS: tempo ? round(tempo.firstBeatS + c.onset.frameCentreS, 3) : null,
    keyTonic: spelled?.tonic ?? null,
    keyMode: spelled?.mode ?? null,
    keyStrength: round(key?.strength ?? null, 3),
    loudnessLufs: round(integratedLufs, 2),
    loudnessRangeLu: round(rangeLu, 2),
    truePeakDbtp: round(c.truePeak.resultDbtp(), 2),
    replaygainTrackGainDb: integratedLufs === null ? null : round(-18 - integratedLufs, 2),
    danceability: round(c.dance.result(), 3),
    energy: round(energyScore(integratedLufs, onsetsPerSecond(envelope, c.onset.frameRateHz)), 3),
    spectralCentroidHz: round(spectral.centroidHz, 1),
    spectralRolloffHz: round(spectral.rolloffHz, 1),
    spectralFlatness: round(spectral.flatness, 4),
    mfccMean: spectral.mfccMean.map((m) => Number(m.toFixed(3))),
    hpcpMean: pcp ? Array.from(pcp, (v) => Number(v.toFixed(4))) : [],
    waveform: c.waveform.pack(),
  };
}
