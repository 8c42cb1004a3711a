-- model: gold.dash_track_dims
-- depends: gold.track_facts
-- One row per track with the bands the dashboards group and filter by (genre, label, decade,
-- 10-BPM band, key, loudness and duration bands), each as a label and a sort key, so every
-- distribution chart and its click-to-filter read one narrow table.
SELECT
  track_id,
  artist,
  title,
  coalesce(genre, '(no genre)') AS genre,
  coalesce(label, '(no label)') AS label,
  CASE WHEN year IS NOT NULL THEN CAST(floor(year / 10) * 10 AS INTEGER) || 's' ELSE '(no year)' END AS decade,
  CASE WHEN bpm IS NOT NULL THEN CAST(floor(bpm / 10) * 10 AS INTEGER) || '–' || CAST(floor(bpm / 10) * 10 + 9 AS INTEGER) END AS bpm_band, -- 10-BPM band, e.g. '120–129'
  CAST(floor(bpm / 10) * 10 AS INTEGER) AS bpm_from, -- band start, beats per minute
  coalesce(camelot, key) AS key_code, -- Camelot code when known (8A), else the key name
  CASE WHEN loudness_lufs IS NOT NULL THEN CAST(floor(loudness_lufs / 2) * 2 AS INTEGER) || ' to ' || CAST(floor(loudness_lufs / 2) * 2 + 2 AS INTEGER) || ' LUFS' END AS loudness_band,
  CAST(floor(loudness_lufs / 2) * 2 AS INTEGER) AS loudness_from, -- band start, LUFS
  CASE WHEN duration_s IS NOT NULL THEN CASE WHEN duration_s >= 600 THEN '10+ min' ELSE CAST(floor(duration_s / 60) AS INTEGER) || '–' || CAST(floor(duration_s / 60) + 1 AS INTEGER) || ' min' END END AS duration_band,
  CAST(least(floor(duration_s / 60), 10) AS INTEGER) AS duration_from, -- band start, minutes (capped before the cast: a damaged header can declare millions of years)
  year,
  bpm,
  key,
  camelot,
  energy,
  danceability,
  loudness_lufs,
  duration_s,
  coalesce(play_count, 0) AS play_count,
  coalesce(skip_count, 0) AS skip_count,
  rating,
  last_played_at,
  first_seen_at,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_track_dims' AS model
FROM gold.track_facts;
