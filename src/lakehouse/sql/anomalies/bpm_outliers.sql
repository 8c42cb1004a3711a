-- Feature outliers: a track whose BPM is about double (or half) its genre's median, over genres
-- with at least 5 measured tracks: often a tempo detected at the wrong octave. $1 = run.
WITH genre AS (
  SELECT genre, median(bpm) AS med, count(*) AS n FROM gold.track_facts WHERE bpm IS NOT NULL AND genre IS NOT NULL GROUP BY genre HAVING count(*) >= 5
)
INSERT INTO meta.anomalies (run_id, kind, subject, severity, observed, expected, message, evidence)
SELECT $1, 'bpm_outlier', t.path, 'info', t.bpm, g.med,
  coalesce(t.artist || ' – ', '') || coalesce(t.title, t.path) || ': ' || round(t.bpm, 1) || ' BPM, ' || round(t.bpm / g.med, 2) || '× the ' || g.genre || ' median',
  g.genre || ' median ' || round(g.med, 1) || ' BPM over ' || g.n || ' tracks; this track ' || round(t.bpm, 1) || ' BPM'
FROM gold.track_facts t JOIN genre g USING (genre)
WHERE (t.bpm >= 1.8 * g.med OR t.bpm <= 0.55 * g.med)
  AND NOT EXISTS (SELECT 1 FROM meta.anomalies a WHERE a.kind = 'bpm_outlier' AND a.subject = t.path AND a.observed = t.bpm);
