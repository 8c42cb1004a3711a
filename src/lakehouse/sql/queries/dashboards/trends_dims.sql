-- Plays per month by one attribute ($5: genre, bpm_band, key, decade); the 8 largest values, the rest as 'other'.
-- $1/$2 period, $3 genre, $4 source. Months wholly in the period come added up
-- (gold.dash_listens_monthly_dims); the covered days of a partial first or last month come from
-- gold.daily_track_listens, so the chart holds exactly the period's plays.
WITH b AS (
  SELECT coalesce(CAST($1 AS DATE), DATE '0001-01-01') AS lo, coalesce(CAST($2 AS DATE), DATE '9999-12-31') AS hi
), whole AS (
  SELECT m.month, m.value, m.listens FROM gold.dash_listens_monthly_dims m, b
  WHERE m.dim = $5 AND m.month >= b.lo AND last_day(m.month) <= b.hi
    AND ($3 IS NULL OR m.genre = $3) AND ($4 IS NULL OR m.source = $4)
), partial AS (
  SELECT date_trunc('month', d.day)::DATE AS month,
    CASE $5 WHEN 'genre' THEN d.genre WHEN 'bpm_band' THEN d.bpm_band WHEN 'key' THEN d.key_code ELSE d.decade END AS value, d.listens
  FROM gold.daily_track_listens d, b
  WHERE d.day BETWEEN b.lo AND b.hi AND NOT (date_trunc('month', d.day) >= b.lo AND last_day(d.day) <= b.hi)
    AND d.listens > 0 AND ($3 IS NULL OR d.genre = $3) AND ($4 IS NULL OR d.source = $4)
), f AS (
  SELECT * FROM whole UNION ALL SELECT * FROM partial
), top AS (
  SELECT value FROM f GROUP BY value ORDER BY sum(listens) DESC, value LIMIT 8
)
SELECT month, CASE WHEN value IN (SELECT value FROM top) THEN value ELSE 'other' END AS value, CAST(sum(listens) AS BIGINT) AS listens
FROM f GROUP BY ALL ORDER BY month, value;
