-- check: completeness. Rows missing the value; the rule fails when the share present is below the threshold.
SELECT * FROM {{table}} WHERE {{column}} IS NULL
