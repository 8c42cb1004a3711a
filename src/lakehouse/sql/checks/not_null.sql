-- check: not_null. Rows where the column is empty.
SELECT * FROM {{table}} WHERE {{column}} IS NULL
