-- Insight input: plays and skips per genre. $1/$2 period, $3 genre, $4 source.
SELECT genre, CAST(sum(listens) AS BIGINT) AS listens, CAST(sum(skips) AS BIGINT) AS skips
FROM gold.dash_listens_daily
WHERE day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
  AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4) AND genre NOT IN ('(not in library)', '(no genre)')
GROUP BY genre ORDER BY genre;
