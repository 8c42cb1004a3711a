-- Corrections a person made to a file's tags in Wolfie (issue 16, "edit what is wrong"). The
-- audio files are never written: a correction lives here, beside raw.tag_reads, and bronze.tracks
-- applies it over the tag. Keyed by the file's path, so it outlives rescans and re-reads of a
-- changed file; a file renamed or moved is a new path and carries no correction.
--   no row for (path, field)  the tag's value stands
--   a row whose value is NULL  the field is empty, whatever the tag says ("clear")
--   a row with a value         that value replaces the tag's
-- Reverting ("revert to tag") deletes the row.
CREATE TABLE raw.tag_corrections (
  path VARCHAR NOT NULL,
  field VARCHAR NOT NULL CHECK (field IN ('artist', 'title', 'album', 'genre', 'label', 'year')),
  value VARCHAR CHECK (value IS NULL OR (length(value) BETWEEN 1 AND 500 AND value = trim(value))),
  corrected_at TIMESTAMP NOT NULL,
  run_id INTEGER NOT NULL,            -- the run that wrote it: one batch of corrections
  PRIMARY KEY (path, field),
  -- A year correction is the year itself, 1000 to 2999, so bronze can cast it without a doubt.
  CHECK (field <> 'year' OR value IS NULL OR regexp_full_match(value, '[12][0-9]{3}'))
);

INSERT INTO meta.descriptions (schema_name, table_name, column_name, description) VALUES
  ('raw', 'tag_corrections', '', 'Tag values a person corrected in Wolfie (the files are never written); bronze.tracks applies them over the tags'),
  ('raw', 'tag_corrections', 'path', 'The corrected file, as in raw.files'),
  ('raw', 'tag_corrections', 'field', 'artist, title, album, genre, label or year'),
  ('raw', 'tag_corrections', 'value', 'The corrected value; NULL clears the field whatever the tag says'),
  ('raw', 'tag_corrections', 'corrected_at', 'When the person made this correction'),
  ('raw', 'tag_corrections', 'run_id', 'The run (kind correct) that wrote it; one run is one batch of corrections');
