-- The present files a correction applies to: the paths named, and every file of the tracks
-- named (a track held by several files gets the same correction in each, so it stays whichever
-- file is canonical). Reads main.correction_targets (track_id, path), staged by tag-corrections.ts.
CREATE OR REPLACE TEMP TABLE correction_paths AS
SELECT DISTINCT f.path
FROM raw.files f
WHERE f.deleted_at IS NULL
  AND (f.path IN (SELECT path FROM correction_targets WHERE path IS NOT NULL)
    OR f.path IN (SELECT tf.path FROM silver.track_files tf WHERE tf.track_id IN (SELECT track_id FROM correction_targets WHERE track_id IS NOT NULL)))
