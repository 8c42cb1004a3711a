// Contract of the audio-analysis worker: what the main thread may ask and what it gets back.
// src/ imports this file with `import type` only.

/** Everything measured from one track's audio. Units are in the names. */
export interface AnalysisResult {
  /** e.g. 'wolfie-analysis'; stored beside every value for lineage. */
  analyser: string;
  /** Bump when any algorithm or parameter changes: tracks are re-analysed when it differs. */
  analyserVersion: string;
  durationS: number; // decoded samples / sample rate
  sampleRateHz: number; // of the source
  channels: number;
  bpm: number | null;
  bpmConfidence: number | null; // 0..1
  firstBeatS: number | null;
  keyTonic: string | null; // 'C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'
  keyMode: 'major' | 'minor' | null;
  keyStrength: number | null; // 0..1
  loudnessLufs: number | null; // integrated, EBU R128 / BS.1770-4
  loudnessRangeLu: number | null;
  truePeakDbtp: number | null;
  replaygainTrackGainDb: number | null; // ReplayGain 2.0: -18 LUFS - integrated
  danceability: number | null; // 0..1 (normalised)
  energy: number | null; // 0..1, our definition: see workers/analysis/features/energy.ts
  spectralCentroidHz: number | null;
  spectralRolloffHz: number | null;
  spectralFlatness: number | null;
  mfccMean: number[]; // 13 values (essentia conventions: 40 HTK-mel bands 0-11 kHz, dB, DCT-II), empty when unavailable
  hpcpMean: number[]; // 12 values, A-based like essentia's HPCP (index 0 = A, 1 = Bb, ... 11 = Ab), max = 1; empty when silent
  /** Packed waveform: overview (~2000 columns min/max + 3-band energy) and a detail level. See waveform.ts for layout. */
  waveform: Uint8Array;
}

export interface AnalysisRequest {
  trackId: string;
  /** Relative path, for error messages only. */
  path: string;
  file: Blob;
}

/** A failed file is data, not an exception (house rule 3). */
export type AnalysisOutcome =
  | { ok: true; trackId: string; result: AnalysisResult }
  /** `stage: 'decode'` when the worker could not decode the bytes: the page may try the browser's own decoder. */
  | { ok: false; trackId: string; error: string; stage?: 'decode' | 'analysis' };

/** Audio the page decoded itself (the fallback for what no worker decoder reads, e.g. ALAC). */
export interface PcmAnalysisRequest {
  trackId: string;
  path: string;
  sampleRateHz: number;
  /** Planar channels, transferred (not copied) to the worker. */
  channels: Float32Array[];
}

export interface AnalysisApi {
  analyse(request: AnalysisRequest): Promise<AnalysisOutcome>;
  /** Analyses already decoded audio; same outcome as analyse. */
  analysePcm(request: PcmAnalysisRequest): Promise<AnalysisOutcome>;
  /** Name and version of the analyser: a track is re-analysed when its stored version differs. */
  describe(): Promise<{ analyser: string; analyserVersion: string }>;
}
