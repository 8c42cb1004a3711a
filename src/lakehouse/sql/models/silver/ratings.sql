-- model: silver.ratings
-- depends: bronze.tracks, silver.library_entries, raw.user_ratings
-- Every rating a track has, 0..5, with where it came from. precedence orders them for
-- silver.track_interactions: what the person set in Wolfie, then the file's own tag (it travels
-- with the file), then iTunes, then rekordbox. A rating cleared in Wolfie falls back to the rest.
CREATE OR REPLACE TABLE silver.ratings AS
WITH user_latest AS (
  SELECT track_id, arg_max(rating, rated_at) AS rating, max(rated_at) AS rated_at, arg_max(source, rated_at) AS via
  FROM raw.user_ratings
  GROUP BY track_id
)
SELECT track_id, 'user' AS source, rating, rated_at, 1 AS precedence, 'raw.user_ratings via ' || via AS provenance,
       CAST(NULL AS VARCHAR) AS import_fingerprint, 1.0 AS match_confidence
FROM user_latest WHERE rating IS NOT NULL
UNION ALL
SELECT track_id, 'tag', rating_tag, CAST(NULL AS TIMESTAMP), 2, 'raw.tag_reads.rating_tag of ' || path, CAST(NULL AS VARCHAR), 1.0
FROM bronze.tracks WHERE rating_tag IS NOT NULL
UNION ALL
SELECT track_id, source, rating, CAST(NULL AS TIMESTAMP), CASE source WHEN 'itunes' THEN 3 ELSE 4 END,
       'raw.library_entries ' || source_row_id || ' of ' || import_file, import_fingerprint, match_confidence
FROM silver.library_entries WHERE track_id IS NOT NULL AND rating IS NOT NULL;
