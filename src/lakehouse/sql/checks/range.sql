-- check: range. Rows whose value is outside [min, max] (bound values; empty values pass).
SELECT * FROM {{table}} WHERE {{column}} < ? OR {{column}} > ?
