-- check: refint. Rows whose reference has no row in the referenced table (empty references pass).
-- An ANTI JOIN (hash join) rather than NOT EXISTS: the same answer, cheaper on large tables.
SELECT c.* FROM {{table}} c ANTI JOIN {{ref_table}} p ON p.{{ref_column}} = c.{{column}} WHERE c.{{column}} IS NOT NULL
