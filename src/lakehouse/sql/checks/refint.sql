-- check: refint. Rows whose reference has no row in the referenced table (empty references pass).
SELECT * FROM {{table}} c WHERE c.{{column}} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {{ref_table}} p WHERE p.{{ref_column}} = c.{{column}})
