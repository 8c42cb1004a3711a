-- Every file accounted for (issue 16). The files the latest scan of each folder left out, each
-- with why: hidden, not audio, or audio in a format Wolfie cannot read. The scan step of an
-- ingest run replaces the rows under its folder in one transaction (src/lakehouse/skipped-files.ts).
CREATE TABLE raw.skipped_files (
  path VARCHAR PRIMARY KEY,           -- as in raw.files: the chosen folder's name first
  reason_kind VARCHAR NOT NULL CHECK (reason_kind IN ('hidden', 'not-audio', 'unsupported-format')),
  reason VARCHAR NOT NULL,            -- 'format not supported: TrueAudio', 'not audio (.jpg)', 'hidden file'
  format_name VARCHAR,                -- unsupported formats only: 'TrueAudio'
  size_bytes BIGINT,                  -- NULL for a hidden folder, left out unread
  run_id INTEGER NOT NULL,            -- the run whose scan found it
  seen_at TIMESTAMP NOT NULL
);

INSERT INTO meta.descriptions (schema_name, table_name, column_name, description) VALUES
  ('raw', 'skipped_files', '', 'Files the latest scan of each folder did not read, with the reason: hidden, not audio, or a format Wolfie cannot read'),
  ('raw', 'skipped_files', 'path', 'The file (or hidden folder), as in raw.files'),
  ('raw', 'skipped_files', 'reason_kind', '''hidden'', ''not-audio'' or ''unsupported-format'''),
  ('raw', 'skipped_files', 'reason', 'Why it was not read, as the library page shows it'),
  ('raw', 'skipped_files', 'format_name', 'The audio format Wolfie cannot read (unsupported-format only)'),
  ('raw', 'skipped_files', 'run_id', 'The run whose scan found it');

-- The formats the scan admits grew to what music-metadata reads (src/domain/formats.ts
-- AUDIO_EXTENSIONS); caf and alac left it. Only the shipped list is replaced: a list a person
-- edited on /quality is theirs.
UPDATE meta.dq_rules
SET arg = 'mp3,mp2,mp1,m2a,aac,flac,ogg,oga,ogv,ogm,ogx,opus,spx,m4a,m4b,m4r,m4v,mp4,mov,wav,wave,bwf,aif,aiff,aifc,wma,wmv,asf,wv,ape,mpc,dsf,dff,webm,weba,mka,mkv',
    updated_at = now()
WHERE rule_id = 'silver_format_allowed' AND arg = 'mp3,flac,ogg,oga,opus,m4a,mp4,aac,alac,wav,aif,aiff,wma,ape,wv,mpc,dsf,dff,webm';

-- Truncated files: a FLAC or MP3 header declares the whole length, so a copy cut short decodes to
-- less than its header says. gold.track_facts says so in `error`; this rule lists them on /quality
-- (and a header that disagrees the other way, which is a wrong header).
INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, column_name, arg, query, severity, description, builtin) VALUES
  ('gold_duration_matches_header', 'gold', 'predicate', 'gold.track_facts', NULL, NULL,
   'tag_duration_s IS NULL OR duration_s IS NULL OR abs(duration_s - tag_duration_s) <= 1',
   'warn', 'The audio decodes to the length its header declares (within 1 s); shorter usually means a truncated file', true);
