-- Whether {{key}} identifies the rows of both snapshot tables {{a}} and {{b}}: no two rows of
-- either share it (DISTINCT compares NULLs as values).
SELECT
  (SELECT count(*) FROM {{a}}) = (SELECT count(*) FROM (SELECT DISTINCT {{key}} FROM {{a}}))
  AND (SELECT count(*) FROM {{b}}) = (SELECT count(*) FROM (SELECT DISTINCT {{key}} FROM {{b}})) AS is_key
