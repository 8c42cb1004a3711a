-- model: gold.listening_daily
-- depends: silver.listens
-- Listening per UTC day and source. Each listen counts once, under its representative source
-- (Spotify when Spotify and Last.fm both logged it; multi_source_listens says how many were), so
-- sum(listens) over a day's rows is the day's total. listens are plays (30 s or more), skips apart;
-- minutes include skips, and use the track's length when a source (Last.fm) gives no time played.
-- Listens with placeholder dates are left out: they have no trusted day.
CREATE OR REPLACE TABLE gold.listening_daily AS
SELECT
  CAST(played_at AS DATE) AS day,
  source,
  count(*) FILTER (WHERE NOT is_skip) AS listens,
  count(*) FILTER (WHERE is_skip) AS skips,
  round(sum(coalesce(ms_played, track_duration_s * 1000, 0)) / 60000.0, 2) AS minutes,
  count(DISTINCT coalesce(track_id, match_key)) FILTER (WHERE NOT is_skip) AS distinct_tracks,
  count(*) FILTER (WHERE NOT is_skip AND track_id IS NOT NULL) AS matched_listens,
  count(*) FILTER (WHERE NOT is_skip AND source_rows > 1) AS multi_source_listens
FROM silver.listens
WHERE NOT timestamp_suspect
GROUP BY ALL
ORDER BY day, source;
