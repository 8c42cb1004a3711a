-- Plays and minutes per day, week or month. $1/$2 period, $3 genre, $4 source, $5 grain ('day' | 'week' | 'month').
SELECT date_trunc($5, day)::DATE AS period, CAST(sum(listens) AS BIGINT) AS listens, round(sum(minutes), 1) AS minutes
FROM gold.dash_listens_daily
WHERE day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
  AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
GROUP BY 1 ORDER BY 1;
