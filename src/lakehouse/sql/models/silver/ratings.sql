-- model: silver.ratings
-- depends: bronze.tracks, silver.track_files, silver.library_entries, raw.user_ratings
-- Every rating a track has, 0..5, with where it came from. precedence orders them for
-- silver.track_interactions: what the person set in Wolfie, then the file's own tag (it travels
-- with the file), then iTunes, then rekordbox. A rating cleared in Wolfie falls back to the rest.
-- The tag rating is the canonical file's, as every other tag value of the track (silver.tracks).
CREATE OR REPLACE TABLE silver.ratings AS
SELECT * FROM silver.user_rating_rows() -- also what the interactions step writes at once (macros.sql)
UNION ALL
SELECT f.track_id, 'tag', b.rating_tag, CAST(NULL AS TIMESTAMP), 2, 'raw.tag_reads.rating_tag of ' || b.path, CAST(NULL AS VARCHAR), 1.0
FROM bronze.tracks b JOIN silver.track_files f ON f.path = b.path AND f.is_canonical
WHERE b.rating_tag IS NOT NULL
UNION ALL
SELECT track_id, source, rating, CAST(NULL AS TIMESTAMP), CASE source WHEN 'itunes' THEN 3 ELSE 4 END,
       'raw.library_entries ' || source_row_id || ' of ' || import_file, import_fingerprint, match_confidence
FROM silver.library_entries WHERE track_id IS NOT NULL AND rating IS NOT NULL;
