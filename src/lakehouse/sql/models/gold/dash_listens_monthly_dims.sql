-- model: gold.dash_listens_monthly_dims
-- depends: gold.daily_track_listens, gold.listened_tracks
-- Plays per month, source and genre broken down by one track attribute (dim: genre, bpm_band,
-- key, decade), for the "over time" charts: gold.daily_track_listens added up by month, with the
-- bands of gold.listened_tracks. Monthly, not daily: a daily grain would be almost one row per
-- listen at a million listens; the days of a period's partial first and last months come from the
-- daily table (queries/dashboards/trends_dims.sql). Recordings outside the library count under
-- '(not in library)' in every dimension.
WITH plays AS (
  SELECT date_trunc('month', p.day)::DATE AS month, p.source, p.genre, t.bpm_band, t.key_code, t.decade, p.listens
  FROM gold.daily_track_listens p
  JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = coalesce(p.track_id, p.recording_key)
  WHERE p.listens > 0
)
SELECT *, CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, 'gold.dash_listens_monthly_dims' AS model
FROM (
SELECT month, source, genre, 'genre' AS dim, genre AS value, CAST(sum(listens) AS BIGINT) AS listens FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'bpm_band', bpm_band, CAST(sum(listens) AS BIGINT) FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'key', key_code, CAST(sum(listens) AS BIGINT) FROM plays GROUP BY ALL
UNION ALL
SELECT month, source, genre, 'decade', decade, CAST(sum(listens) AS BIGINT) FROM plays GROUP BY ALL
);
