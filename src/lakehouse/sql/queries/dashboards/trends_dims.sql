-- Plays per month by one attribute ($5: genre, bpm_band, key, decade); the 8 largest values, the rest as 'other'.
-- $1/$2 period, $3 genre, $4 source. Months wholly in the period come added up
-- (gold.dash_listens_monthly_dims); the covered days of a partial first or last month come from
-- gold.daily_track_listens, so the chart holds exactly the period's plays. The bounds are written
-- out on the parameters, not taken from a CTE: a join to one would keep DuckDB from filtering the
-- daily rows in the scan, and it would join all of them first.
WITH whole AS (
  SELECT month, value, listens FROM gold.dash_listens_monthly_dims
  WHERE dim = $5
    AND month >= CASE WHEN $1 IS NULL OR day(CAST($1 AS DATE)) = 1 THEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') ELSE CAST(date_trunc('month', CAST($1 AS DATE)) + INTERVAL 1 MONTH AS DATE) END
    AND last_day(month) <= coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
), days AS (
  -- The period's days in a month it covers only in part: before its first whole month, after its last.
  SELECT track_id, recording_key, day, source, genre, listens FROM gold.daily_track_listens
  WHERE day >= CAST($1 AS DATE) AND day < CAST(date_trunc('month', CAST($1 AS DATE)) + INTERVAL 1 MONTH AS DATE) AND day(CAST($1 AS DATE)) <> 1
    AND day <= coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
  UNION -- not ALL: a period inside one month finds its days in both parts (a row is one day, source and track)
  SELECT track_id, recording_key, day, source, genre, listens FROM gold.daily_track_listens
  WHERE day <= CAST($2 AS DATE) AND day >= CAST(date_trunc('month', CAST($2 AS DATE)) AS DATE) AND CAST($2 AS DATE) <> last_day(CAST($2 AS DATE))
    AND day >= coalesce(CAST($1 AS DATE), DATE '0001-01-01')
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
), partial AS (
  SELECT date_trunc('month', d.day)::DATE AS month,
    CASE $5 WHEN 'genre' THEN d.genre WHEN 'bpm_band' THEN t.bpm_band WHEN 'key' THEN t.key_code ELSE t.decade END AS value, d.listens
  FROM days d JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = coalesce(d.track_id, d.recording_key)
), f AS (
  SELECT * FROM whole UNION ALL SELECT * FROM partial
), top AS (
  SELECT value FROM f GROUP BY value HAVING sum(listens) > 0 ORDER BY sum(listens) DESC, value LIMIT 8
)
SELECT month, CASE WHEN value IN (SELECT value FROM top) THEN value ELSE 'other' END AS value, CAST(sum(listens) AS BIGINT) AS listens
FROM f GROUP BY ALL HAVING sum(listens) > 0 ORDER BY month, value;
