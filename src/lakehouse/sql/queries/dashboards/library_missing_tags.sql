-- Tracks missing each tag the dashboards group by, with up to 5 examples each
-- (gold.dash_missing_tags holds one row per track and missing tag). $1 genre.
SELECT tag, count(*) AS tracks,
  round(100.0 * count(*) / (SELECT count(*) FROM gold.dash_track_dims WHERE $1 IS NULL OR genre = $1), 1) AS pct,
  list(example ORDER BY CASE WHEN $1 IS NULL THEN rank_in_tag ELSE rank_in_genre END)
    FILTER (WHERE CASE WHEN $1 IS NULL THEN rank_in_tag ELSE rank_in_genre END <= 5) AS examples
FROM gold.dash_missing_tags
WHERE $1 IS NULL OR genre = $1
GROUP BY tag ORDER BY tracks DESC, tag;
