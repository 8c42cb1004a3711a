-- Daily listen totals over every calendar day from the first to the last listen (quiet days are
-- zeros), with the median and MAD the spike and gap rules compare against. Needs gold.listening_daily.
CREATE OR REPLACE TEMP TABLE anomaly_days AS
WITH per_day AS (SELECT day, sum(listens) AS n FROM gold.listening_daily GROUP BY day),
span AS (SELECT min(day) AS first_day, max(day) AS last_day FROM per_day),
calendar AS (SELECT CAST(d AS DATE) AS day FROM span, generate_series(span.first_day, span.last_day, INTERVAL 1 DAY) g(d))
SELECT c.day, coalesce(p.n, 0) AS n FROM calendar c LEFT JOIN per_day p USING (day);
