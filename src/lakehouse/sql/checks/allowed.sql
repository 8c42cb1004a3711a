-- check: allowed. Rows whose value is not in the comma-separated list (bound; empty values pass).
SELECT * FROM {{table}} WHERE {{column}} IS NOT NULL AND NOT list_contains(string_split(?, ','), CAST({{column}} AS VARCHAR))
