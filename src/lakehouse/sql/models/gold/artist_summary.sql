-- model: gold.artist_summary
-- depends: gold.track_facts, silver.track_artists
-- One row per artist: how much of the library they are on, how it sounds and how it is played.
SELECT
  ta.artist_id,
  any_value(ta.artist_name) AS artist,
  count(*) AS track_count,
  count(*) FILTER (WHERE ta.role = 'featured') AS featured_count, -- tracks where the artist is featured
  round(sum(f.duration_s) / 3600, 2) AS duration_h, -- hours of music
  round(median(f.bpm), 1) AS median_bpm,
  mode(f.genre) AS top_genre,
  min(f.year) AS first_year,
  max(f.year) AS last_year,
  CAST(sum(coalesce(f.play_count, 0)) AS BIGINT) AS play_count,
  round(avg(f.rating), 2) AS avg_rating, -- 0..5
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.artist_summary' AS model
FROM silver.track_artists ta
JOIN gold.track_facts f ON f.track_id = ta.track_id
GROUP BY ta.artist_id;
