-- model: gold.dash_listens_daily
-- depends: gold.daily_track_listens
-- Listening per UTC day, source and genre (gold.daily_track_listens added up): the dashboards'
-- totals and time series filter by period, genre and source without touching the listens. Listens
-- outside the library count under '(not in library)'. listens are plays (30 s or more); minutes
-- include skips.
SELECT
  day,
  source,
  genre,
  CAST(sum(listens) AS BIGINT) AS listens,
  CAST(sum(skips) AS BIGINT) AS skips,
  sum(ms_listened) / 60000.0 AS minutes, -- time played, not rounded: the pages add many rows up
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_listens_daily' AS model
FROM gold.daily_track_listens
GROUP BY day, source, genre;
