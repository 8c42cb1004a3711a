-- Plays per month by one attribute ($5: genre, bpm_band, key, decade); the 8 largest values, the rest as 'other'.
-- $1/$2 period, $3 genre, $4 source.
WITH f AS (
  SELECT month, value, listens FROM gold.dash_listens_monthly_dims
  WHERE dim = $5
    AND month BETWEEN date_trunc('month', coalesce(CAST($1 AS DATE), DATE '0001-01-01')) AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
), top AS (
  SELECT value FROM f GROUP BY value ORDER BY sum(listens) DESC, value LIMIT 8
)
SELECT month, CASE WHEN value IN (SELECT value FROM top) THEN value ELSE 'other' END AS value, CAST(sum(listens) AS BIGINT) AS listens
FROM f GROUP BY ALL ORDER BY month, value;
