-- model: gold.listening_daily
-- depends: gold.daily_track_listens
-- Listening per UTC day and source: gold.daily_track_listens (the one definition of a period's
-- plays, skips and time listened) added up. Each listen counts once, under its representative
-- source (Spotify when Spotify and Last.fm both logged it; multi_source_listens says how many were),
-- so sum(listens) over a day's rows is the day's total. listens are plays (30 s or more), skips
-- apart; minutes include skips, and use the track's length when a source (Last.fm) gives no time
-- played. Listens with placeholder dates are left out: they have no trusted day.
CREATE OR REPLACE TABLE gold.listening_daily AS
SELECT
  day,
  source,
  CAST(sum(listens) AS BIGINT) AS listens,
  CAST(sum(skips) AS BIGINT) AS skips,
  round(sum(ms_listened) / 60000.0, 2) AS minutes,
  count(DISTINCT coalesce(track_id, recording_key)) FILTER (WHERE listens > 0) AS distinct_tracks,
  CAST(coalesce(sum(listens) FILTER (WHERE track_id IS NOT NULL), 0) AS BIGINT) AS matched_listens,
  CAST(sum(multi_source_listens) AS BIGINT) AS multi_source_listens
FROM gold.daily_track_listens
GROUP BY ALL
ORDER BY day, source;
