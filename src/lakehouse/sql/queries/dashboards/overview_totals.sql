-- Overview figures. $1/$2 period (dates, NULL = open), $3 genre, $4 source (NULL = all).
WITH lib AS (
  SELECT count(*) AS tracks, round(sum(duration_s) / 3600, 1) AS music_h,
    count(*) FILTER (WHERE first_seen_at::DATE BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')) AS added
  FROM gold.dash_track_dims WHERE $3 IS NULL OR genre = $3
), played AS (
  SELECT coalesce(sum(listens), 0) AS listens, coalesce(sum(skips), 0) AS skips, round(coalesce(sum(minutes), 0) / 60, 1) AS listened_h,
    count(DISTINCT day) AS days
  FROM gold.dash_listens_daily
  WHERE day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
)
SELECT * FROM lib, played;
