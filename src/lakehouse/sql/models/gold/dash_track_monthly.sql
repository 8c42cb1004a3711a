-- model: gold.dash_track_monthly
-- depends: silver.listens, gold.dash_track_dims
-- Plays of each library track per month and source: top tracks, artists and labels of a
-- period, and risers and fallers between two periods, without scanning the listens.
SELECT
  l.track_id,
  date_trunc('month', l.played_at)::DATE AS month,
  l.source,
  any_value(d.genre) AS genre,
  count(*) FILTER (WHERE NOT l.is_skip) AS listens,
  count(*) FILTER (WHERE l.is_skip) AS skips,
  round(sum(coalesce(l.ms_played, l.track_duration_s * 1000, 0)) / 60000.0, 2) AS minutes,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_track_monthly' AS model
FROM silver.listens l
JOIN gold.dash_track_dims d ON d.track_id = l.track_id
WHERE NOT l.timestamp_suspect
GROUP BY l.track_id, month, l.source;
