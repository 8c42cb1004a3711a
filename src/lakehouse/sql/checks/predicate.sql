-- check: predicate. Rows where the person's condition does not hold (run in a READ ONLY transaction).
SELECT * FROM {{table}} WHERE NOT coalesce(({{predicate}}), false)
