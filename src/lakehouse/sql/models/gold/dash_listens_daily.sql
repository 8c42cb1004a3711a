-- model: gold.dash_listens_daily
-- depends: silver.listens, gold.dash_track_dims
-- Listening per UTC day, source and genre: the dashboards' totals and time series filter by
-- period, genre and source without touching the listens. Listens outside the library count
-- under '(not in library)'. listens are plays (30 s or more); minutes include skips.
SELECT
  CAST(l.played_at AS DATE) AS day,
  l.source,
  coalesce(d.genre, CASE WHEN l.track_id IS NULL THEN '(not in library)' ELSE '(no genre)' END) AS genre,
  count(*) FILTER (WHERE NOT l.is_skip) AS listens,
  count(*) FILTER (WHERE l.is_skip) AS skips,
  round(sum(coalesce(l.ms_played, l.track_duration_s * 1000, 0)) / 60000.0, 2) AS minutes, -- time played
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_listens_daily' AS model
FROM silver.listens l
LEFT JOIN gold.dash_track_dims d ON d.track_id = l.track_id
WHERE NOT l.timestamp_suspect
GROUP BY ALL;
