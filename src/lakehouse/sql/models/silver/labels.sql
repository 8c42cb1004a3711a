-- model: silver.labels
-- depends: silver.tracks
-- One row per record label, from LABEL / ORGANIZATION / PUBLISHER / TPUB tags (never the copyright line).
SELECT
  substr(md5(lower(label)), 1, 16) AS label_id,
  mode(label) AS label,
  count(*) AS track_count,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'silver.labels' AS model
FROM silver.tracks
WHERE label IS NOT NULL
GROUP BY lower(label);
