-- model: gold.bpm_summary
-- depends: gold.track_facts
-- The tempo distribution in 5-BPM bins: how many tracks, and which genre dominates each bin.
SELECT
  CAST(floor(bpm / 5) * 5 AS INTEGER) AS bpm_from, -- bin start, beats per minute (inclusive)
  CAST(floor(bpm / 5) * 5 + 5 AS INTEGER) AS bpm_to, -- bin end (exclusive)
  count(*) AS track_count,
  mode(genre) AS top_genre,
  round(avg(energy), 3) AS avg_energy,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.bpm_summary' AS model
FROM gold.track_facts
WHERE bpm IS NOT NULL
GROUP BY ALL;
