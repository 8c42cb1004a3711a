-- check: freshness. One row when the newest value of the column is older than the bound number of days.
SELECT max({{column}}) AS newest, round(epoch(now()::TIMESTAMP - max({{column}})) / 86400, 1) AS age_days
FROM {{table}} HAVING max({{column}}) < now()::TIMESTAMP - to_days(CAST(? AS INTEGER))
