-- Missing periods: 14 or more consecutive days without a listen, inside a history whose typical
-- active day has listens (so a holiday of a heavy listener shows, a light listener's quiet weeks
-- do not). Each gap is recorded once. $1 = run.
WITH marked AS (
  SELECT day, n, sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) OVER (ORDER BY day) AS grp FROM anomaly_days
),
gaps AS (
  SELECT min(day) AS gap_from, max(day) AS gap_to, count(*) AS days FROM marked WHERE n = 0 GROUP BY grp
),
stats AS (SELECT median(n) FILTER (WHERE n > 0) AS active_med, count(*) FILTER (WHERE n > 0) AS active_days FROM anomaly_days)
INSERT INTO meta.anomalies (run_id, kind, subject, severity, observed, expected, message, evidence)
SELECT $1, 'listening_gap', strftime(g.gap_from, '%Y-%m-%d') || '..' || strftime(g.gap_to, '%Y-%m-%d'), 'info', g.days, 0,
  'No listens for ' || g.days || ' days, ' || strftime(g.gap_from, '%Y-%m-%d') || ' to ' || strftime(g.gap_to, '%Y-%m-%d'),
  'median ' || s.active_med || ' listens on the ' || s.active_days || ' active days; gap of ' || g.days || ' days with 0'
FROM gaps g, stats s
WHERE g.days >= 14 AND s.active_days >= 30 AND s.active_med >= 2
  AND NOT EXISTS (SELECT 1 FROM meta.anomalies a WHERE a.kind = 'listening_gap' AND a.subject = strftime(g.gap_from, '%Y-%m-%d') || '..' || strftime(g.gap_to, '%Y-%m-%d'));
