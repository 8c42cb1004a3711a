-- model: gold.listened_tracks
-- depends: silver.listens, gold.dash_track_dims, gold.track_facts
-- What was heard: one row per library track and per recording outside the library (by its match
-- key), with the names and bands the listening figures are shown and grouped by. The plays are in
-- gold.daily_track_listens, keyed the same way (track_id, else recording_key). Library tracks take
-- the library's names and bands (gold.dash_track_dims); a recording outside the library is named as
-- its earliest listen spelled it, and counts under '(not in library)' in every band.
WITH recordings AS (
  SELECT CASE WHEN track_id IS NULL THEN coalesce(match_key, 'file:' || source_track_id) END AS recording_key,
    arg_min(artist, played_at) AS artist, arg_min(title, played_at) AS title
  FROM silver.listens
  WHERE track_id IS NULL AND NOT timestamp_suspect
  GROUP BY 1
), tracks AS (
  SELECT d.track_id, d.artist, d.title, d.genre, d.label, d.decade, d.bpm_band, d.key_code,
    coalesce(d.artist || ' – ', '') || coalesce(d.title, regexp_extract(f.path, '[^/]+$')) AS name,
    regexp_extract(f.path, '[^/]+$') AS file_name
  FROM gold.dash_track_dims d JOIN gold.track_facts f ON f.track_id = d.track_id
)
SELECT
  track_id, -- the library track (gold.track_facts)
  CAST(NULL AS VARCHAR) AS recording_key, -- for a recording not in the library: its match key (normalised artist and title)
  artist,
  title,
  -- Two library tracks of one name (the same song in two formats) are told apart by their file.
  CASE WHEN count(*) OVER (PARTITION BY lower(name)) > 1 THEN name || ' (' || file_name || ')' ELSE name END AS track_name, -- how top lists name it
  genre, -- as gold.dash_track_dims; '(not in library)' outside it
  label,
  decade,
  coalesce(bpm_band, '(no BPM)') AS bpm_band,
  coalesce(key_code, '(no key)') AS key_code, -- Camelot code, else the key name
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.listened_tracks' AS model
FROM tracks
UNION ALL
SELECT NULL, recording_key, artist, title,
  coalesce(artist || ' – ', '') || coalesce(title, '(untitled)') || ' (not in library)',
  '(not in library)', '(not in library)', '(not in library)', '(not in library)', '(not in library)',
  CAST(getvariable('wolfie_run_id') AS INTEGER), 'gold.listened_tracks'
FROM recordings
