-- Insight input: tracks per genre and Camelot key (minor keys end in A). $1 genre.
SELECT genre, camelot, count(*) AS tracks
FROM gold.dash_track_dims WHERE camelot IS NOT NULL AND genre <> '(no genre)' AND ($1 IS NULL OR genre = $1) GROUP BY ALL ORDER BY genre, tracks DESC;
