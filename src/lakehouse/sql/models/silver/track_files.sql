-- model: silver.track_files
-- depends: bronze.tracks
-- Every present file with the track it holds. Files whose audio is the same (equal fingerprint,
-- both read without error) are one track; its canonical file is the one seen first, then the
-- shortest path, and gives the track its id.
WITH grouped AS (
  SELECT *,
    CASE WHEN error IS NULL AND fingerprint IS NOT NULL THEN 'fp:' || fingerprint ELSE 'path:' || path END AS group_key
  FROM bronze.tracks
), ranked AS (
  SELECT *,
    row_number() OVER (PARTITION BY group_key ORDER BY first_seen_run, length(path), path) AS file_rank,
    count(*) OVER (PARTITION BY group_key) AS files_in_group,
    first_value(track_id) OVER (PARTITION BY group_key ORDER BY first_seen_run, length(path), path) AS canonical_id
  FROM grouped
)
SELECT
  canonical_id AS track_id, -- the track this file holds
  track_id AS file_id, -- the file's own id (md5 of its path)
  path, -- the source file
  file_rank = 1 AS is_canonical, -- the file the track's values come from
  files_in_group AS file_count, -- how many files hold this track
  fingerprint,
  size_bytes,
  format,
  is_demo,
  first_seen_at,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, -- the run that built this row
  'silver.track_files' AS model
FROM ranked;
