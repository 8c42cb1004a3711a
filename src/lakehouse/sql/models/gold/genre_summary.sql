-- model: gold.genre_summary
-- depends: gold.track_facts
-- One row per canonical genre: size, tempo, loudness and energy of the library's genres.
SELECT
  coalesce(genre, '(no genre)') AS genre,
  count(*) AS track_count,
  round(sum(duration_s) / 3600, 2) AS duration_h, -- hours of music
  round(median(bpm), 1) AS median_bpm, -- the genre's typical tempo, beats per minute
  round(avg(loudness_lufs), 1) AS avg_loudness_lufs,
  round(avg(energy), 3) AS avg_energy, -- 0..1
  round(avg(danceability), 3) AS avg_danceability, -- 0..1
  CAST(sum(coalesce(play_count, 0)) AS BIGINT) AS play_count,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.genre_summary' AS model
FROM gold.track_facts
GROUP BY ALL;
