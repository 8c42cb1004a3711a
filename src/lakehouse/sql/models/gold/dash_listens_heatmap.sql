-- model: gold.dash_listens_heatmap
-- depends: silver.listens, gold.dash_track_dims
-- Plays by UTC day, source, genre and hour of day (UTC: the exports carry no time zone), for the
-- day-of-week by hour heatmap. The plays are those of gold.daily_track_listens (dated listens of
-- 30 s or more, genre '(not in library)' outside it) split by hour, which that table does not
-- keep; by day, so a period's heatmap holds exactly the period's plays.
SELECT
  CAST(l.played_at AS DATE) AS day,
  l.source,
  CASE WHEN l.track_id IS NULL THEN '(not in library)' ELSE coalesce(d.genre, '(no genre)') END AS genre,
  CAST(isodow(l.played_at) AS INTEGER) AS dow, -- 1 Monday .. 7 Sunday
  CAST(hour(l.played_at) AS INTEGER) AS hour, -- 0..23, UTC
  count(*) AS listens,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_listens_heatmap' AS model
FROM silver.listens l
LEFT JOIN gold.dash_track_dims d ON d.track_id = l.track_id
WHERE NOT l.timestamp_suspect AND NOT l.is_skip
GROUP BY ALL
ORDER BY day;
