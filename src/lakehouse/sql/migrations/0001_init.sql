-- The medallion layout: raw keeps what was read, bronze is typed, silver conformed, gold serves.
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS bronze;
CREATE SCHEMA IF NOT EXISTS silver;
CREATE SCHEMA IF NOT EXISTS gold;

-- One row per pipeline run and per step of it: the run history the /pipeline page shows.
CREATE TABLE meta.runs (
  run_id INTEGER PRIMARY KEY,
  kind VARCHAR NOT NULL,              -- 'ingest' | 'rescan' | 'rebuild' | 'import'
  source_name VARCHAR,                -- the chosen folder's name
  state VARCHAR NOT NULL,             -- 'running' | 'succeeded' | 'failed' | 'cancelled'
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP,
  files_seen INTEGER DEFAULT 0,
  files_new INTEGER DEFAULT 0,
  files_changed INTEGER DEFAULT 0,
  files_deleted INTEGER DEFAULT 0,
  files_skipped INTEGER DEFAULT 0,    -- hidden and non-audio files
  files_failed INTEGER DEFAULT 0,
  error VARCHAR
);

CREATE TABLE meta.run_steps (
  run_id INTEGER NOT NULL,
  step VARCHAR NOT NULL,
  ordinal INTEGER NOT NULL,
  state VARCHAR NOT NULL,             -- 'running' | 'succeeded' | 'failed' | 'skipped'
  started_at TIMESTAMP NOT NULL,
  ended_at TIMESTAMP,
  rows_in BIGINT,
  rows_out BIGINT,
  error VARCHAR,
  PRIMARY KEY (run_id, step)
);

CREATE TABLE meta.logs (
  logged_at TIMESTAMP NOT NULL DEFAULT now(),
  level VARCHAR NOT NULL,             -- 'debug' | 'info' | 'warn' | 'error'
  run_id INTEGER,
  step VARCHAR,
  message VARCHAR NOT NULL
);

-- The file inventory. A row outlives its file: a deleted file keeps its row with deleted_at set
-- (a tombstone), so history and lineage still resolve.
CREATE TABLE raw.files (
  path VARCHAR PRIMARY KEY,           -- relative, '/'-separated, first segment is the folder's name
  size_bytes BIGINT NOT NULL,
  last_modified_ms BIGINT NOT NULL,
  fingerprint VARCHAR,                -- SHA-256 of size + first and last 64 KiB
  first_seen_run INTEGER NOT NULL,
  last_seen_run INTEGER NOT NULL,
  first_seen_at TIMESTAMP NOT NULL,
  deleted_at TIMESTAMP,
  is_demo BOOLEAN NOT NULL DEFAULT false
);

-- What the tag reader returned for the current version of each file. Typed columns for what the
-- models use (DuckDB-WASM's JSON extension is not available offline), JSON text for the rest.
CREATE TABLE raw.tag_reads (
  path VARCHAR PRIMARY KEY,
  fingerprint VARCHAR,
  run_id INTEGER NOT NULL,
  read_at TIMESTAMP NOT NULL,
  reader VARCHAR NOT NULL,            -- e.g. 'music-metadata 11.16.1'
  container VARCHAR,
  codec VARCHAR,
  lossless BOOLEAN,
  duration_s DOUBLE,
  sample_rate_hz INTEGER,
  bitrate_kbps DOUBLE,
  channels INTEGER,
  bits_per_sample INTEGER,
  artist VARCHAR,
  artists VARCHAR,                    -- every artist value, '\n'-separated
  title VARCHAR,
  album VARCHAR,
  album_artist VARCHAR,
  genre VARCHAR,                      -- every genre value, '\n'-separated
  label VARCHAR,
  year INTEGER,
  date_text VARCHAR,
  track_no INTEGER,
  disc_no INTEGER,
  bpm_tag DOUBLE,
  key_tag VARCHAR,
  rating_tag DOUBLE,                  -- normalised 0..5 from POPM/FMPS/RATING/rate
  play_count_tag INTEGER,
  comment VARCHAR,
  common_json VARCHAR,
  native_json VARCHAR,
  warnings VARCHAR,
  error VARCHAR
);

-- What the audio analyser measured (see workers/analysis/api.ts).
CREATE TABLE raw.analysis (
  path VARCHAR PRIMARY KEY,
  fingerprint VARCHAR,
  run_id INTEGER NOT NULL,
  analysed_at TIMESTAMP NOT NULL,
  analyser VARCHAR NOT NULL,
  analyser_version VARCHAR NOT NULL,
  duration_s DOUBLE,
  sample_rate_hz INTEGER,
  channels INTEGER,
  bpm DOUBLE,
  bpm_confidence DOUBLE,
  first_beat_s DOUBLE,
  key_tonic VARCHAR,
  key_mode VARCHAR,
  key_strength DOUBLE,
  loudness_lufs DOUBLE,
  loudness_range_lu DOUBLE,
  true_peak_dbtp DOUBLE,
  replaygain_track_gain_db DOUBLE,
  danceability DOUBLE,
  energy DOUBLE,
  spectral_centroid_hz DOUBLE,
  spectral_rolloff_hz DOUBLE,
  spectral_flatness DOUBLE,
  mfcc_mean DOUBLE[],
  hpcp_mean DOUBLE[],
  waveform BLOB,
  error VARCHAR
);
