-- Snapshot compare of one gold table by its key: {{a}} and {{b}} are the two runs' snapshot
-- tables, {{key}} the key columns, {{cols}} the columns compared (lineage left out). Set
-- operations compare NULLs as values, so a NULL key or value matches itself.
SELECT
  (SELECT count(*) FROM {{a}}) AS rows_a,
  (SELECT count(*) FROM {{b}}) AS rows_b,
  (SELECT count(*) FROM (SELECT {{key}} FROM {{b}} EXCEPT SELECT {{key}} FROM {{a}})) AS added,
  (SELECT count(*) FROM (SELECT {{key}} FROM {{a}} EXCEPT SELECT {{key}} FROM {{b}})) AS removed,
  -- keys in both whose row differs in any compared column
  (SELECT count(*) FROM (
    SELECT {{key}} FROM (SELECT {{cols}} FROM {{b}} EXCEPT SELECT {{cols}} FROM {{a}})
    INTERSECT SELECT {{key}} FROM {{a}}
  )) AS changed
