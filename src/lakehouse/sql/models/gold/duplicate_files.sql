-- model: gold.duplicate_files
-- depends: silver.track_files, gold.track_facts
-- Files that hold the same audio as another file: one row per file of every track with two or
-- more files, so the person can see what to delete and how much space it frees.
SELECT
  tf.track_id,
  f.artist,
  f.title,
  tf.path, -- the file
  tf.is_canonical, -- the file the track's values come from
  tf.file_count,
  tf.size_bytes,
  CASE WHEN tf.is_canonical THEN 0 ELSE tf.size_bytes END AS reclaimable_bytes, -- freed by deleting this copy
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.duplicate_files' AS model
FROM silver.track_files tf
JOIN gold.track_facts f ON f.track_id = tf.track_id
WHERE tf.file_count > 1;
