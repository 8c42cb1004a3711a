-- Ingest volume: this run's scan saw less than half the files the last good run of the same
-- folder saw, or the inventory guard refused to tombstone (likely an unmounted drive). $1 = run.
WITH cur AS (SELECT run_id, source_name, files_seen FROM meta.runs WHERE run_id = $1),
prev AS (
  SELECT p.run_id, p.files_seen FROM meta.runs p, cur
  WHERE p.source_name IS NOT DISTINCT FROM cur.source_name AND p.run_id < cur.run_id AND p.state = 'succeeded' AND p.files_seen > 0
  ORDER BY p.run_id DESC LIMIT 1
),
guard AS (SELECT string_agg(message, ' ') AS msg FROM meta.logs WHERE run_id = $1 AND step = 'scan' AND level = 'warn')
INSERT INTO meta.anomalies (run_id, kind, subject, severity, observed, expected, message, evidence)
SELECT cur.run_id, 'ingest_volume_drop', coalesce(cur.source_name, '(unknown folder)'), 'warn', cur.files_seen, prev.files_seen,
  coalesce(guard.msg, 'The scan found ' || cur.files_seen || ' files where the previous run found ' || prev.files_seen || '.'),
  'run ' || coalesce(CAST(prev.run_id AS VARCHAR), '-') || ': ' || coalesce(CAST(prev.files_seen AS VARCHAR), '?') || ' files seen; run '
    || cur.run_id || ': ' || cur.files_seen || ' files seen' || CASE WHEN guard.msg IS NOT NULL THEN '; inventory guard: no file tombstoned' ELSE '' END
FROM cur LEFT JOIN prev ON true, guard
WHERE guard.msg IS NOT NULL OR (prev.files_seen >= 20 AND cur.files_seen < prev.files_seen * 0.5);
