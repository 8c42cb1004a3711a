-- Favourites (rated 4 or more) not played for 180 days before the last listen, or never. $1 genre.
-- No clock: current_date needs the ICU extension, which duckdb-wasm tries to fetch (a hang offline).
WITH ref AS (SELECT coalesce((SELECT max(day) FROM gold.dash_listens_daily), (SELECT max(first_seen_at)::DATE FROM gold.dash_track_dims)) AS today)
SELECT d.track_id, d.artist, d.title, d.genre, d.rating, d.play_count, d.last_played_at,
  date_diff('day', d.last_played_at::DATE, ref.today) AS days_since_played
FROM gold.dash_track_dims d, ref
WHERE d.rating >= 4 AND (d.last_played_at IS NULL OR d.last_played_at::DATE < ref.today - INTERVAL 180 DAY)
  AND ($1 IS NULL OR d.genre = $1)
ORDER BY d.rating DESC, d.last_played_at NULLS FIRST, d.artist
LIMIT 50;
