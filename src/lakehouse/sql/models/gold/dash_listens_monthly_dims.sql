-- model: gold.dash_listens_monthly_dims
-- depends: silver.listens, gold.dash_track_dims
-- Plays per month, source and genre broken down by one track attribute (dim: genre, bpm_band,
-- key, decade), for the "over time" charts. Monthly, not daily: a daily grain would be almost
-- one row per listen at a million listens. Library tracks only; plays only (no skips).
WITH plays AS (
  SELECT date_trunc('month', l.played_at)::DATE AS month, l.source, d.genre, d.bpm_band, d.bpm_from, d.key_code, d.decade
  FROM silver.listens l
  JOIN gold.dash_track_dims d ON d.track_id = l.track_id
  WHERE NOT l.timestamp_suspect AND NOT l.is_skip
)
SELECT *, CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, 'gold.dash_listens_monthly_dims' AS model
FROM (
SELECT month, source, genre, 'genre' AS dim, genre AS value, count(*) AS listens FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'bpm_band', coalesce(bpm_band, '(no BPM)'), count(*) FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'key', coalesce(key_code, '(no key)'), count(*) FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'decade', decade, count(*) FROM plays GROUP BY ALL
);
