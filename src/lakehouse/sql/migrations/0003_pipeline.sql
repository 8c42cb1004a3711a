-- The medallion pipeline's bookkeeping: settings, model state for incremental builds, lineage,
-- gold snapshots, data-quality rules and results, anomalies, reference data the silver models
-- conform to, and the catalog's descriptions.
CREATE SCHEMA IF NOT EXISTS snap;      -- one copy of every gold table per successful gold build

CREATE TABLE meta.settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL,
  description VARCHAR
);
INSERT INTO meta.settings VALUES
  ('snapshots_keep', '10', 'How many gold snapshots are kept for compare and restore (oldest are dropped first)');

-- What each model was last built from: a changed model file forces a full rebuild of that model.
CREATE TABLE meta.model_state (
  model VARCHAR PRIMARY KEY,
  sql_hash VARCHAR NOT NULL,
  built_run INTEGER NOT NULL,
  built_at TIMESTAMP NOT NULL
);

-- Table-level lineage: which model read which tables, and rows in/out, per run.
CREATE TABLE meta.lineage (
  run_id INTEGER NOT NULL,
  model VARCHAR NOT NULL,
  layer VARCHAR NOT NULL,
  inputs VARCHAR NOT NULL,            -- the model's declared inputs, ', '-separated
  output VARCHAR NOT NULL,            -- the table written (a snap.* table for gold until published)
  mode VARCHAR NOT NULL,              -- 'full' | 'incremental'
  rows_in BIGINT,                     -- rows of the inputs read (incremental: changed keys)
  rows_out BIGINT,                    -- rows of the output after the build
  seconds DOUBLE,
  built_at TIMESTAMP NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, model)
);

CREATE TABLE meta.snapshots (
  run_id INTEGER PRIMARY KEY,         -- the run whose gold build this is
  created_at TIMESTAMP NOT NULL DEFAULT now(),
  tables VARCHAR NOT NULL,            -- gold table names, ', '-separated
  total_rows BIGINT,
  restored_at TIMESTAMP               -- last time the person restored this snapshot into gold
);

-- Data-quality rules as data. kind is one of the allow-listed templates (sql/checks/*.sql):
-- not_null, unique, range ('min..max', '+1' = next year), allowed ('a,b,c'), completeness
-- ('0.95'), refint (arg 'schema.table.column'), freshness (arg days), schema (arg
-- 'col TYPE, col, ...'), or a person's read-only predicate / query (run in a READ ONLY transaction).
CREATE TABLE meta.dq_rules (
  rule_id VARCHAR PRIMARY KEY,
  layer VARCHAR NOT NULL CHECK (layer IN ('bronze', 'silver', 'gold')),
  kind VARCHAR NOT NULL CHECK (kind IN ('not_null', 'unique', 'range', 'allowed', 'completeness', 'refint', 'freshness', 'schema', 'predicate', 'query')),
  table_name VARCHAR NOT NULL,
  column_name VARCHAR,
  arg VARCHAR,
  query VARCHAR,                      -- predicate: a boolean expression every row must satisfy; query: SELECT returning failing rows
  severity VARCHAR NOT NULL CHECK (severity IN ('error', 'warn')),
  enabled BOOLEAN NOT NULL DEFAULT true,
  description VARCHAR,
  builtin BOOLEAN NOT NULL DEFAULT false,
  updated_at TIMESTAMP NOT NULL DEFAULT now()
);

INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, column_name, arg, severity, description, builtin) VALUES
  ('bronze_schema', 'bronze', 'schema', 'bronze.tracks', NULL, 'track_id VARCHAR, path VARCHAR, fingerprint VARCHAR, size_bytes BIGINT, year INTEGER', 'error', 'bronze.tracks has the typed columns silver reads', true),
  ('bronze_path_not_null', 'bronze', 'not_null', 'bronze.tracks', 'path', NULL, 'error', 'Every file row has a path', true),
  ('bronze_path_unique', 'bronze', 'unique', 'bronze.tracks', 'path', NULL, 'error', 'One bronze row per file', true),
  ('bronze_bpm_tag_range', 'bronze', 'range', 'bronze.tracks', 'bpm_tag', '40..250', 'warn', 'BPM tags are plausible tempos', true),
  ('silver_track_id_unique', 'silver', 'unique', 'silver.tracks', 'track_id', NULL, 'error', 'One silver row per distinct track', true),
  ('silver_file_path_unique', 'silver', 'unique', 'silver.track_files', 'path', NULL, 'error', 'A file belongs to one track', true),
  ('silver_title_not_null', 'silver', 'not_null', 'silver.tracks', 'title', NULL, 'warn', 'Tracks carry a title tag', true),
  ('silver_artist_complete', 'silver', 'completeness', 'silver.tracks', 'artist', '0.95', 'warn', 'Artist is present on at least 95 % of tracks', true),
  ('silver_year_range', 'silver', 'range', 'silver.tracks', 'year', '1900..+1', 'warn', 'Release years between 1900 and next year', true),
  ('silver_month_range', 'silver', 'range', 'silver.tracks', 'month', '1..12', 'error', 'Split dates give real months', true),
  ('silver_format_allowed', 'silver', 'allowed', 'silver.tracks', 'format', 'mp3,flac,ogg,oga,opus,m4a,mp4,aac,alac,wav,aif,aiff,wma,ape,wv,mpc,dsf,dff,webm', 'warn', 'Files are audio formats Wolfie reads', true),
  ('silver_files_refint', 'silver', 'refint', 'silver.track_files', 'track_id', 'silver.tracks.track_id', 'error', 'Every file points at a track', true),
  ('silver_artists_refint', 'silver', 'refint', 'silver.track_artists', 'track_id', 'silver.tracks.track_id', 'error', 'Every artist credit points at a track', true),
  ('silver_listen_track_exists', 'silver', 'refint', 'raw.track_matches', 'path', 'silver.track_files.path', 'warn', 'Every matched listen points at a file still in the library', true),
  ('gold_contract_schema', 'gold', 'schema', 'gold.track_facts', NULL,
   'track_id VARCHAR, path VARCHAR, artist VARCHAR, title VARCHAR, album, album_artist, genre, label, year, duration_s, format, codec, sample_rate_hz, bitrate_kbps, bpm, bpm_confidence, key, key_strength, camelot, loudness_lufs, loudness_range_lu, true_peak_dbtp, replaygain_track_gain_db, danceability, energy, play_count, skip_count, rating, last_played_at, first_seen_at, predicted_rating, error',
   'error', 'gold.track_facts has every column of the automation contract', true),
  ('gold_track_id_unique', 'gold', 'unique', 'gold.track_facts', 'track_id', NULL, 'error', 'One gold row per track', true),
  ('gold_track_id_not_null', 'gold', 'not_null', 'gold.track_facts', 'track_id', NULL, 'error', 'Every track has an id', true),
  ('gold_path_not_null', 'gold', 'not_null', 'gold.track_facts', 'path', NULL, 'error', 'Every track has a file', true),
  ('gold_bpm_range', 'gold', 'range', 'gold.track_facts', 'bpm', '40..250', 'warn', 'BPM between 40 and 250', true),
  ('gold_lufs_range', 'gold', 'range', 'gold.track_facts', 'loudness_lufs', '-70..3', 'warn', 'Integrated loudness between -70 and +3 LUFS', true),
  ('gold_year_range', 'gold', 'range', 'gold.track_facts', 'year', '1900..+1', 'warn', 'Release years between 1900 and next year', true),
  ('gold_rating_range', 'gold', 'range', 'gold.track_facts', 'rating', '0..5', 'warn', 'Ratings are 0 to 5', true),
  ('gold_artist_complete', 'gold', 'completeness', 'gold.track_facts', 'artist', '0.95', 'warn', 'Artist is present on at least 95 % of tracks', true),
  ('gold_fresh_reads', 'gold', 'freshness', 'raw.tag_reads', 'read_at', '180', 'warn', 'The library was read in the last 180 days', true);

CREATE TABLE meta.dq_results (
  run_id INTEGER NOT NULL,
  rule_id VARCHAR NOT NULL,
  layer VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  severity VARCHAR NOT NULL,
  status VARCHAR NOT NULL,            -- 'passed' | 'failed' | 'skipped' (table missing) | 'error' (the rule itself broke)
  failing_rows BIGINT,
  total_rows BIGINT,
  observed DOUBLE,                    -- completeness ratio, freshness age in days
  message VARCHAR,
  sample VARCHAR,                     -- up to 5 failing rows as JSON text
  checked_at TIMESTAMP NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, rule_id)
);

CREATE TABLE meta.anomalies (
  run_id INTEGER,
  kind VARCHAR NOT NULL,              -- 'ingest_volume_drop' | 'listening_spike' | 'listening_gap' | 'bpm_outlier'
  subject VARCHAR NOT NULL,           -- the folder, the day, the track path
  severity VARCHAR NOT NULL,          -- 'warn' | 'info'
  observed DOUBLE,
  expected DOUBLE,
  message VARCHAR NOT NULL,
  evidence VARCHAR,                   -- the numbers behind it, as text
  detected_at TIMESTAMP NOT NULL DEFAULT now()
);

-- Genre spellings to one canonical genre. alias_key is the spelling lower-cased with everything
-- but a-z and 0-9 removed, so 'Hip Hop', 'hip-hop' and 'HipHop' share one row.
CREATE TABLE meta.genre_aliases (
  alias_key VARCHAR PRIMARY KEY,
  genre VARCHAR NOT NULL
);
INSERT INTO meta.genre_aliases VALUES
  ('hiphop', 'Hip-Hop'), ('hiphoprap', 'Hip-Hop'), ('rap', 'Hip-Hop'), ('rnb', 'R&B'), ('randb', 'R&B'), ('rhythmandblues', 'R&B'),
  ('drumandbass', 'Drum & Bass'), ('drumnbass', 'Drum & Bass'), ('dnb', 'Drum & Bass'), ('drumbass', 'Drum & Bass'),
  ('electronic', 'Electronic'), ('electronica', 'Electronic'), ('electro', 'Electro'), ('edm', 'Electronic'),
  ('house', 'House'), ('deephouse', 'Deep House'), ('techhouse', 'Tech House'), ('progressivehouse', 'Progressive House'),
  ('techno', 'Techno'), ('minimaltechno', 'Minimal Techno'), ('trance', 'Trance'), ('psytrance', 'Psytrance'), ('psychedelictrance', 'Psytrance'),
  ('dubstep', 'Dubstep'), ('ukgarage', 'UK Garage'), ('garage', 'UK Garage'), ('2step', 'UK Garage'), ('ambient', 'Ambient'),
  ('downtempo', 'Downtempo'), ('chillout', 'Downtempo'), ('triphop', 'Trip-Hop'), ('breakbeat', 'Breakbeat'), ('breaks', 'Breakbeat'),
  ('rock', 'Rock'), ('rocknroll', 'Rock & Roll'), ('rockandroll', 'Rock & Roll'), ('altrock', 'Alternative Rock'), ('alternativerock', 'Alternative Rock'),
  ('alternative', 'Alternative Rock'), ('indie', 'Indie'), ('indierock', 'Indie Rock'), ('punk', 'Punk'), ('punkrock', 'Punk'),
  ('metal', 'Metal'), ('heavymetal', 'Metal'), ('pop', 'Pop'), ('synthpop', 'Synth-Pop'), ('kpop', 'K-Pop'), ('jpop', 'J-Pop'),
  ('soul', 'Soul'), ('funk', 'Funk'), ('disco', 'Disco'), ('jazz', 'Jazz'), ('blues', 'Blues'), ('country', 'Country'),
  ('folk', 'Folk'), ('classical', 'Classical'), ('klassik', 'Classical'), ('classic', 'Classical'), ('orchestral', 'Classical'),
  ('soundtrack', 'Soundtrack'), ('ost', 'Soundtrack'), ('filmscore', 'Soundtrack'), ('reggae', 'Reggae'), ('dancehall', 'Dancehall'),
  ('latin', 'Latin'), ('reggaeton', 'Reggaeton'), ('world', 'World'), ('worldmusic', 'World'), ('spokenword', 'Spoken Word'),
  ('audiobook', 'Spoken Word'), ('podcast', 'Podcast'), ('soundeffects', 'Sound Effects'), ('fieldrecording', 'Field Recording'), ('other', 'Other');

-- Artist credits that contain a separator but are one act, so the artist bridge keeps them whole.
CREATE TABLE meta.artist_names_unsplit (name VARCHAR PRIMARY KEY);
INSERT INTO meta.artist_names_unsplit VALUES
  ('AC/DC'), ('Simon & Garfunkel'), ('Earth, Wind & Fire'), ('Hall & Oates'), ('Daryl Hall & John Oates'), ('Florence + the Machine'),
  ('Crosby, Stills, Nash & Young'), ('Sam & Dave'), ('Ike & Tina Turner'), ('Kool & the Gang'), ('Hootie & the Blowfish'),
  ('Mumford & Sons'), ('Marina & the Diamonds'), ('Belle & Sebastian'), ('Chase & Status'), ('Above & Beyond'), ('Years & Years');

-- Catalog descriptions. Tables and columns of the models are described from the comments in
-- their .sql files at each build (source 'model'); these rows cover raw and meta.
CREATE TABLE meta.descriptions (
  schema_name VARCHAR NOT NULL,
  table_name VARCHAR NOT NULL,
  column_name VARCHAR NOT NULL DEFAULT '',  -- '' describes the table itself
  description VARCHAR NOT NULL,
  source VARCHAR NOT NULL DEFAULT 'migration',
  PRIMARY KEY (schema_name, table_name, column_name)
);
INSERT INTO meta.descriptions (schema_name, table_name, column_name, description) VALUES
  ('raw', 'files', '', 'The file inventory: one row per file ever seen; a deleted file keeps its row with deleted_at set (a tombstone)'),
  ('raw', 'files', 'path', 'Relative, /-separated; the first segment is the chosen folder''s name'),
  ('raw', 'files', 'fingerprint', 'SHA-256 of size + first and last 64 KiB: the same audio in two folders shares it'),
  ('raw', 'files', 'deleted_at', 'Set when a rescan no longer finds the file (a tombstone)'),
  ('raw', 'tag_reads', '', 'What the tag reader returned for the current version of each file'),
  ('raw', 'tag_reads', 'artists', 'Every artist value, newline-separated'),
  ('raw', 'tag_reads', 'genre', 'Every genre value, newline-separated'),
  ('raw', 'tag_reads', 'common_json', 'music-metadata''s common tags as JSON text'),
  ('raw', 'analysis', '', 'What the audio analyser measured, per file version'),
  ('meta', 'runs', '', 'One row per pipeline run: kind, state, times, file counts'),
  ('meta', 'run_steps', '', 'The steps of each run: state, times, rows in/out, error'),
  ('meta', 'logs', '', 'Structured log lines: level, run, step, message'),
  ('meta', 'settings', '', 'Pipeline settings, e.g. how many gold snapshots to keep'),
  ('meta', 'model_state', '', 'The model file hash and run each model was last built with'),
  ('meta', 'lineage', '', 'Per run and model: inputs, output, rows in/out, duration'),
  ('meta', 'snapshots', '', 'Gold builds kept for compare and restore, by run'),
  ('meta', 'dq_rules', '', 'Data-quality rules; editable on /quality'),
  ('meta', 'dq_results', '', 'The outcome of every rule in every run, with a sample of failing rows'),
  ('meta', 'anomalies', '', 'Unusual changes found by runs, with their evidence'),
  ('meta', 'genre_aliases', '', 'Genre spellings mapped to one canonical genre'),
  ('meta', 'artist_names_unsplit', '', 'Artist names that contain a separator (&, /) but are one act'),
  ('meta', 'descriptions', '', 'These descriptions, shown on /catalog');
