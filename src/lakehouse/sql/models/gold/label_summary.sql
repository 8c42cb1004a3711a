-- model: gold.label_summary
-- depends: gold.track_facts
-- One row per record label.
SELECT
  label,
  count(*) AS track_count,
  count(DISTINCT artist) AS artist_count,
  min(year) AS first_year,
  max(year) AS last_year,
  mode(genre) AS top_genre,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.label_summary' AS model
FROM gold.track_facts
WHERE label IS NOT NULL
GROUP BY label;
