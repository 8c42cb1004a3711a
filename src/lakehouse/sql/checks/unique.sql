-- check: unique. Rows whose value of the column appears more than once.
SELECT * FROM {{table}} WHERE {{column}} IN (SELECT {{column}} FROM {{table}} GROUP BY {{column}} HAVING count(*) > 1)
