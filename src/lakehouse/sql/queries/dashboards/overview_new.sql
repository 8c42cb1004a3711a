-- The latest additions in a period. $1/$2 period, $3 genre.
SELECT track_id, artist, title, genre, first_seen_at
FROM gold.dash_track_dims
WHERE first_seen_at::DATE BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
  AND ($3 IS NULL OR genre = $3)
ORDER BY first_seen_at DESC, artist, title
LIMIT 10;
