-- Favourites (rated 4 or more) not played in the 180 days before the last listen, or never
-- (the rule lives in gold.dash_track_usage). $1 genre.
SELECT track_id, artist, title, genre, rating, play_count, last_played_at, days_since_played
FROM gold.dash_track_usage
WHERE unplayed_favourite AND ($1 IS NULL OR genre = $1)
ORDER BY rating DESC, last_played_at NULLS FIRST, artist
LIMIT 50;
