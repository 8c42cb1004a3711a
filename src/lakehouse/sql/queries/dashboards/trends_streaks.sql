-- Runs of consecutive days with at least one play (gaps and islands), longest first. $1/$2 period, $3 genre, $4 source.
WITH days AS (
  SELECT DISTINCT day FROM gold.dash_listens_daily
  WHERE listens > 0
    AND day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
), islands AS (
  SELECT day, day - CAST(row_number() OVER (ORDER BY day) AS INTEGER) AS island FROM days
)
SELECT min(day) AS first_day, max(day) AS last_day, count(*) AS days,
  max(day) = (SELECT max(day) FROM days) AS is_latest -- the streak that reaches the last day with plays
FROM islands GROUP BY island ORDER BY days DESC, first_day DESC LIMIT 5;
