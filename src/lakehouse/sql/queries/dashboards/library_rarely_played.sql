-- Never- and rarely-played tracks relative to their time in the library (gold.dash_track_usage
-- holds the rule: under one play per 120 days after at least 60 days), with how many of each
-- kind there are. $1 genre.
WITH picked AS (
  SELECT * FROM gold.dash_track_usage WHERE use_kind IS NOT NULL AND ($1 IS NULL OR genre = $1)
)
SELECT use_kind AS kind, track_id, artist, title, genre, play_count, days_in_library, plays_per_30_days,
  count(*) OVER (PARTITION BY use_kind) AS total
FROM picked
ORDER BY use_kind = 'never' DESC, plays_per_30_days, days_in_library DESC, artist, title
LIMIT 100;
