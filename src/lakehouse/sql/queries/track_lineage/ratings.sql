-- Every rating one track has (silver.ratings), in the order silver.track_interactions prefers
-- them: the person's own, the file's tag, iTunes, rekordbox; with the import each came from.
SELECT r.source, r.rating, r.precedence, r.provenance, CAST(r.rated_at AS VARCHAR) AS rated_at, r.match_confidence,
  i.import_id, i.file_name AS import_file, i.run_id AS import_run_id
FROM silver.ratings r
LEFT JOIN raw.history_imports i ON i.fingerprint = r.import_fingerprint
WHERE r.track_id = ?
ORDER BY r.precedence, i.import_id DESC
