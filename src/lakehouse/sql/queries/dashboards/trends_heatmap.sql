-- Plays by ISO day of week (1 Monday) and UTC hour. $1/$2 period, $3 genre, $4 source.
SELECT dow, hour, CAST(sum(listens) AS BIGINT) AS listens
FROM gold.dash_listens_heatmap
WHERE day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
  AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
GROUP BY ALL ORDER BY dow, hour;
