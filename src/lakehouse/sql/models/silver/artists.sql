-- model: silver.artists
-- depends: silver.track_artists
-- One row per artist across the library, under its most common spelling.
SELECT
  artist_id,
  mode(artist_name) AS artist, -- the most common spelling
  count(DISTINCT track_id) AS track_count,
  count(DISTINCT track_id) FILTER (WHERE role = 'featured') AS featured_count, -- tracks where the artist is featured
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'silver.artists' AS model
FROM silver.track_artists
GROUP BY artist_id;
