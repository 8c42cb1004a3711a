-- Snapshot compare of one gold table without a key: whole-row multiset differences of the
-- compared columns {{cols}} between snapshot tables {{a}} and {{b}}. A row whose values changed
-- counts once as removed and once as added; "changed" cannot be told apart.
SELECT
  (SELECT count(*) FROM {{a}}) AS rows_a,
  (SELECT count(*) FROM {{b}}) AS rows_b,
  (SELECT count(*) FROM (SELECT {{cols}} FROM {{b}} EXCEPT ALL SELECT {{cols}} FROM {{a}})) AS added,
  (SELECT count(*) FROM (SELECT {{cols}} FROM {{a}} EXCEPT ALL SELECT {{cols}} FROM {{b}})) AS removed
