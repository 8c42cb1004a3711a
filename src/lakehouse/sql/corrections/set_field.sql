-- Sets one field's correction on every file in correction_paths. Parameters: field, value (NULL
-- clears the field), run id.
INSERT INTO raw.tag_corrections (path, field, value, corrected_at, run_id)
SELECT path, ?, ?, now()::TIMESTAMP, ? FROM correction_paths
ON CONFLICT (path, field) DO UPDATE SET value = excluded.value, corrected_at = excluded.corrected_at, run_id = excluded.run_id
