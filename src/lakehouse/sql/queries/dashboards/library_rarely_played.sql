-- Never- and rarely-played tracks relative to their time in the library: plays per 30 days
-- since first seen. "Rarely" is under one play per 120 days after at least 60 days in the library.
-- $1 genre. The day of reference is the last listen (histories are often old exports), else the last addition.
-- No clock: current_date needs the ICU extension, which duckdb-wasm tries to fetch (a hang offline).
WITH ref AS (SELECT coalesce((SELECT max(day) FROM gold.dash_listens_daily), (SELECT max(first_seen_at)::DATE FROM gold.dash_track_dims)) AS today),
t AS (
  SELECT d.track_id, d.artist, d.title, d.genre, d.play_count, d.first_seen_at,
    greatest(date_diff('day', d.first_seen_at::DATE, ref.today), 1) AS days_in_library
  FROM gold.dash_track_dims d CROSS JOIN ref WHERE $1 IS NULL OR d.genre = $1
), picked AS (
  SELECT *, CASE WHEN play_count = 0 THEN 'never' ELSE 'rarely' END AS kind, round(play_count * 30.0 / days_in_library, 3) AS plays_per_30_days
  FROM t WHERE play_count = 0 OR (days_in_library >= 60 AND play_count * 120.0 / days_in_library < 1)
), totals AS (SELECT kind, count(*) AS total FROM picked GROUP BY kind)
SELECT p.kind, p.track_id, p.artist, p.title, p.genre, p.play_count, p.days_in_library, p.plays_per_30_days, totals.total
FROM picked p JOIN totals USING (kind)
ORDER BY p.kind = 'never' DESC, p.plays_per_30_days, p.days_in_library DESC, p.artist, p.title
LIMIT 100;
