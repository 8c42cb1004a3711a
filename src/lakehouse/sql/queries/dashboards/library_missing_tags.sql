-- Tracks missing each tag the dashboards group by, with up to 5 examples each. $1 genre.
WITH t AS (SELECT f.* FROM gold.track_facts f WHERE $1 IS NULL OR coalesce(f.genre, '(no genre)') = $1),
m AS (
  SELECT 'artist' AS tag, track_id, artist, title FROM t WHERE artist IS NULL
  UNION ALL SELECT 'title', track_id, artist, title FROM t WHERE title IS NULL
  UNION ALL SELECT 'genre', track_id, artist, title FROM t WHERE genre IS NULL
  UNION ALL SELECT 'year', track_id, artist, title FROM t WHERE year IS NULL
  UNION ALL SELECT 'label', track_id, artist, title FROM t WHERE label IS NULL
  UNION ALL SELECT 'album', track_id, artist, title FROM t WHERE album IS NULL
  UNION ALL SELECT 'bpm', track_id, artist, title FROM t WHERE bpm IS NULL
  UNION ALL SELECT 'key', track_id, artist, title FROM t WHERE key IS NULL
)
SELECT tag, count(*) AS tracks, round(100.0 * count(*) / (SELECT count(*) FROM t), 1) AS pct,
  list(coalesce(artist || ' – ', '') || coalesce(title, track_id) ORDER BY artist, title)[1:5] AS examples
FROM m GROUP BY tag ORDER BY tracks DESC, tag;
