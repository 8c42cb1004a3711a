// A synthetic lakehouse written inside DuckDB: raw files, tags, analysis, one history import and
// its listens generated with range() and a hash-based pseudo-random (deterministic, no seed
// state), then the real pipeline models (bronze -> silver -> gold) build everything else.
// Popularity is skewed (a few tracks get most plays), listening leans to evenings and weekends.
import { runModels } from '../../src/lakehouse/models/models';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';

export interface SyntheticOptions {
  tracks: number;
  listens: number;
  /** First day of the history; it spans `days` days. */
  start?: string;
  days?: number;
}

const GENRES = "['House', 'Techno', 'Drum & Bass', 'Hip Hop', 'Jazz', 'Rock', 'Pop', 'Ambient', 'Classical', 'Soul', 'Disco', 'Dubstep']";
const TONICS = "['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B']";

// u(i, salt): a uniform 0..1 value from a hash; the same inputs give the same value every run.
const u = (expr: string, salt: string) => `((hash(${expr}, '${salt}') % 1000003) / 1000003.0)`;

export async function writeSyntheticRaw(sql: SqlClient, o: SyntheticOptions): Promise<void> {
  const start = o.start ?? '2022-01-01';
  const days = o.days ?? 730;
  await sql.exec(`
    INSERT INTO raw.files
    SELECT 'Synthetic/' || ${GENRES}[1 + i % 12] || '/Artist ' || (i % 2000) || '/Track ' || i || '.flac', 4000000 + i, 1700000000000 + i,
      md5('file' || i), 1, 1, TIMESTAMP '2021-01-01' + to_days(CAST(${u('i', 'seen')} * 900 AS INTEGER)), NULL, false
    FROM range(${o.tracks}) t(i);

    INSERT INTO raw.tag_reads (path, fingerprint, run_id, read_at, reader, container, codec, lossless, duration_s, sample_rate_hz, bitrate_kbps,
      channels, artist, artists, title, album, genre, label, year, rating_tag)
    SELECT f.path, f.fingerprint, 1, now(), 'synthetic', 'FLAC', 'FLAC', true, 120 + ${u('i', 'dur')} * 420, 44100, 900, 2,
      'Artist ' || (i % 2000), 'Artist ' || (i % 2000),
      'Track ' || i || CASE WHEN i % 97 = 0 THEN ' (Remastered)' ELSE '' END,
      'Album ' || (i % 5000),
      CASE WHEN i % 50 = 0 THEN NULL ELSE ${GENRES}[1 + i % 12] END,
      CASE WHEN i % 4 = 0 THEN NULL ELSE 'Label ' || (i % 300) END,
      CASE WHEN i % 40 = 0 THEN NULL ELSE 1960 + CAST(${u('i', 'year')} * 65 AS INTEGER) END,
      CASE WHEN i % 7 = 0 THEN round(${u('i', 'rate')} * 5) END
    FROM (SELECT path, fingerprint, CAST(regexp_extract(path, 'Track (\\d+)', 1) AS BIGINT) AS i FROM raw.files) f;

    INSERT INTO raw.analysis (path, fingerprint, run_id, analysed_at, analyser, analyser_version, duration_s, sample_rate_hz, channels,
      bpm, bpm_confidence, key_tonic, key_mode, key_strength, loudness_lufs, loudness_range_lu, true_peak_dbtp, replaygain_track_gain_db, danceability, energy)
    SELECT f.path, f.fingerprint, 1, now(), 'synthetic', '1', t.duration_s, 44100, 2,
      -- Tempo depends on the genre (house ~124, drum & bass ~174) with a spread around it.
      round([124, 130, 174, 92, 110, 120, 116, 85, 100, 98, 118, 140][1 + i % 12] + (${u('i', 'bpm')} - 0.5) * 24, 1), 0.8,
      ${TONICS}[1 + CAST(${u('i', 'key')} * 12 AS INTEGER) % 12], CASE WHEN ${u('i', 'mode')} < CASE WHEN i % 12 < 4 THEN 0.85 ELSE 0.45 END THEN 'minor' ELSE 'major' END,
      0.5 + ${u('i', 'ks')} / 2, -16 + ${u('i', 'lufs')} * 12, 6, -1, -2, ${u('i', 'dance')}, ${u('i', 'energy')}
    FROM (SELECT path, fingerprint, CAST(regexp_extract(path, 'Track (\\d+)', 1) AS BIGINT) AS i FROM raw.files) f
    JOIN raw.tag_reads t ON t.path = f.path
    WHERE i % 30 <> 0;

    INSERT INTO raw.history_imports VALUES (1, 'synthetic', 'synthetic.json', 'spotify-extended-json', 1, now(), ${o.listens}, ${o.listens}, 0, NULL);

    INSERT INTO raw.track_matches SELECT 'k' || i, path, 1.0, 1 FROM (SELECT path, CAST(regexp_extract(path, 'Track (\\d+)', 1) AS BIGINT) AS i FROM raw.files);

    INSERT INTO raw.listens (import_id, import_fingerprint, source, source_row_id, played_at, ms_played, artist, title, skipped, reason_end, timestamp_suspect, match_key)
    SELECT 1, 'synthetic', CASE WHEN ${u('n', 'src')} < 0.8 THEN 'spotify' ELSE 'lastfm' END, CAST(n AS VARCHAR),
      -- day uniform over the span, hour drawn towards the evening (squared draw folded onto 8..31 h).
      TIMESTAMP '${start}' + to_days(CAST(floor(${u('n', 'day')} * ${days}) AS INTEGER))
        + to_minutes(CAST(((8 + (1 - ${u('n', 'hr')} * ${u('n', 'hr')}) * 24) % 24) * 60 AS INTEGER)),
      CASE WHEN ${u('n', 'skip')} < 0.12 THEN 10000 ELSE 180000 END,
      'Artist ' || (t % 2000), 'Track ' || t, ${u('n', 'skip')} < 0.12, 'trackdone', false, 'k' || t
    -- Popularity: a cubed uniform draw puts most plays on the low track numbers.
    FROM (SELECT n, CAST(floor(pow(${u('n', 'trk')}, 3) * ${o.tracks}) AS BIGINT) AS t FROM range(${o.listens}) r(n));
  `);
}

/** Writes the raw tables and builds every model once, as a full pipeline run would. */
export async function buildSyntheticLakehouse(sql: SqlClient, o: SyntheticOptions): Promise<{ seconds: number }> {
  const t0 = performance.now();
  await writeSyntheticRaw(sql, o);
  await runModels(sql, ['bronze', 'silver', 'gold'], { full: true, runId: 1 });
  return { seconds: (performance.now() - t0) / 1000 };
}
