-- Tracks a person removed from the library (issue 8, "delete tracks"). Their files are
-- tombstoned in raw.files like files that vanished from disk, and listed here so a rescan of
-- the folder, where the files still are, does not read them back in. Deleting a row here
-- ("Bring back") lets the next rescan read the file again.
CREATE TABLE raw.removed_files (
  path VARCHAR PRIMARY KEY,
  track_id VARCHAR,                   -- the track it held when removed (gold.track_facts.track_id)
  removed_at TIMESTAMP NOT NULL,
  run_id INTEGER NOT NULL             -- the run that removed it
);

INSERT INTO meta.descriptions (schema_name, table_name, column_name, description) VALUES
  ('raw', 'removed_files', '', 'Files of tracks a person removed from the library: tombstoned in raw.files and skipped by rescans until brought back'),
  ('raw', 'removed_files', 'path', 'The removed file, as in raw.files'),
  ('raw', 'removed_files', 'track_id', 'The track it held when it was removed'),
  ('raw', 'removed_files', 'run_id', 'The run (kind remove) that removed it');
