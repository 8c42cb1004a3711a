-- model: gold.key_summary
-- depends: gold.track_facts
-- One row per musical key ('<tonic> <major|minor>'), for harmonic mixing.
SELECT
  key,
  any_value(camelot) AS camelot, -- Camelot code, once the analysis fills it
  count(*) AS track_count,
  round(median(bpm), 1) AS median_bpm,
  round(avg(key_strength), 3) AS avg_key_strength, -- 0..1, the analyser's confidence
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.key_summary' AS model
FROM gold.track_facts
WHERE key IS NOT NULL
GROUP BY key;
