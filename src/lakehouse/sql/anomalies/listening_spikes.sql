-- Listening spikes: days far above the typical day, by robust statistics (median + 6 scaled MADs,
-- at least 10 listens above the median). Each day is recorded once. $1 = run.
WITH stats AS (SELECT median(n) AS med, median(abs(n - (SELECT median(n) FROM anomaly_days))) AS mad, count(*) AS days FROM anomaly_days)
INSERT INTO meta.anomalies (run_id, kind, subject, severity, observed, expected, message, evidence)
SELECT $1, 'listening_spike', strftime(d.day, '%Y-%m-%d'), 'info', d.n, s.med,
  d.n || ' listens on ' || strftime(d.day, '%Y-%m-%d') || ', against a typical ' || s.med || ' per day',
  'median ' || s.med || ', MAD ' || s.mad || ' over ' || s.days || ' days; threshold ' || round(s.med + greatest(6 * 1.4826 * s.mad, 10), 1)
FROM anomaly_days d, stats s
WHERE s.days >= 14 AND d.n > s.med + greatest(6 * 1.4826 * s.mad, 10)
  AND NOT EXISTS (SELECT 1 FROM meta.anomalies a WHERE a.kind = 'listening_spike' AND a.subject = strftime(d.day, '%Y-%m-%d'));
