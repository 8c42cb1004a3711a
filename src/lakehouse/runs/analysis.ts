// raw.analysis: what the audio analyser measured for the current version of each file. A file
// is analysed again only when its fingerprint or the analyser version changed.
import type { AnalysisOutcome } from '../../../workers/analysis/api';
import { withStaged } from './staging';
import type { ColumnKind, SqlClient } from '../engine/sql-client';

export interface AnalysisTodo {
  path: string;
  fingerprint: string | null;
  size_bytes: number;
}

/** Present, non-empty files under `root` with no analysis for their content by this analyser version. */
export async function filesNeedingAnalysis(sql: SqlClient, root: string, analyserVersion: string): Promise<AnalysisTodo[]> {
  return sql.query<AnalysisTodo & Record<string, unknown>>(
    `SELECT f.path, f.fingerprint, f.size_bytes
     FROM raw.files f
     LEFT JOIN raw.analysis a ON a.path = f.path AND a.fingerprint IS NOT DISTINCT FROM f.fingerprint AND a.analyser_version = ?
     WHERE f.deleted_at IS NULL AND f.size_bytes > 0 AND a.path IS NULL AND starts_with(f.path, ?)
     ORDER BY f.path`,
    [analyserVersion, `${root}/`],
  );
}

export interface AnalysisRow {
  path: string;
  fingerprint: string | null;
  analyser: string;
  analyser_version: string;
  outcome: AnalysisOutcome;
}

const COLUMNS = {
  path: 'text', fingerprint: 'text', analyser: 'text', analyser_version: 'text', duration_s: 'float', sample_rate_hz: 'int',
  channels: 'int', bpm: 'float', bpm_confidence: 'float', first_beat_s: 'float', key_tonic: 'text', key_mode: 'text',
  key_strength: 'float', loudness_lufs: 'float', loudness_range_lu: 'float', true_peak_dbtp: 'float',
  replaygain_track_gain_db: 'float', danceability: 'float', energy: 'float', spectral_centroid_hz: 'float',
  spectral_rolloff_hz: 'float', spectral_flatness: 'float', mfcc_mean: 'text', hpcp_mean: 'text', waveform: 'blob', error: 'text',
} satisfies Record<string, ColumnKind>;

function flatten(row: AnalysisRow): Record<keyof typeof COLUMNS, unknown> {
  const base = { path: row.path, fingerprint: row.fingerprint, analyser: row.analyser, analyser_version: row.analyser_version };
  if (!row.outcome.ok) return { ...emptyMeasures(), ...base, error: row.outcome.error };
  const r = row.outcome.result;
  return {
    ...base, duration_s: r.durationS, sample_rate_hz: r.sampleRateHz, channels: r.channels, bpm: r.bpm, bpm_confidence: r.bpmConfidence,
    first_beat_s: r.firstBeatS, key_tonic: r.keyTonic, key_mode: r.keyMode, key_strength: r.keyStrength, loudness_lufs: r.loudnessLufs,
    loudness_range_lu: r.loudnessRangeLu, true_peak_dbtp: r.truePeakDbtp, replaygain_track_gain_db: r.replaygainTrackGainDb,
    danceability: r.danceability, energy: r.energy, spectral_centroid_hz: r.spectralCentroidHz, spectral_rolloff_hz: r.spectralRolloffHz,
    spectral_flatness: r.spectralFlatness, mfcc_mean: JSON.stringify(r.mfccMean), hpcp_mean: JSON.stringify(r.hpcpMean),
    waveform: r.waveform, error: null,
  };
}

function emptyMeasures() {
  return Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, null])) as Record<keyof typeof COLUMNS, unknown>;
}

/** Replaces the analysis of a batch of files, all or nothing. Arrays travel as JSON text and are cast to DOUBLE[]. */
export async function loadAnalysisBatch(sql: SqlClient, runId: number, rows: AnalysisRow[]): Promise<void> {
  if (!rows.length) return;
  await sql.transaction(() =>
    withStaged(sql, rows.map(flatten), COLUMNS, async (stage) => {
      await sql.exec(`DELETE FROM raw.analysis WHERE path IN (SELECT path FROM ${stage})`);
      const plain = Object.keys(COLUMNS).filter((c) => c !== 'mfcc_mean' && c !== 'hpcp_mean');
      await sql.query(
        `INSERT INTO raw.analysis (${plain.join(', ')}, mfcc_mean, hpcp_mean, run_id, analysed_at)
         SELECT ${plain.join(', ')}, CAST(mfcc_mean AS DOUBLE[]), CAST(hpcp_mean AS DOUBLE[]), ?, now() FROM ${stage}`,
        [runId],
      );
    }),
  );
}

/** The waveform bytes of one track, for the track page. */
export async function waveformOf(sql: SqlClient, trackId: string): Promise<{ waveform: Uint8Array; analyser: string; analyser_version: string } | null> {
  const rows = await sql.query<{ waveform: Uint8Array | null; analyser: string; analyser_version: string }>(
    `SELECT a.waveform, a.analyser, a.analyser_version FROM gold.track_facts t JOIN raw.analysis a ON a.path = t.path
     WHERE t.track_id = ? AND a.waveform IS NOT NULL`,
    [trackId],
  );
  const row = rows[0];
  return row?.waveform ? { waveform: row.waveform, analyser: row.analyser, analyser_version: row.analyser_version } : null;
}
