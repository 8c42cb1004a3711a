-- model: gold.daily_track_listens
-- depends: silver.listens, gold.dash_track_dims, gold.track_facts
-- The one definition of listening in a period: per UTC day, source and what was heard (a library
-- track, or a recording not in the library), its plays, skips and time listened. Every figure of a
-- period adds these rows up: the daily totals (gold.listening_daily, gold.dash_listens_daily), the
-- dashboards' top lists, breakdowns and movers, and the recap. A play is a listen of 30 s or more
-- (or the player's own verdict), as silver.listens.is_skip says; time listened counts skips too and
-- takes the track's length when a source (Last.fm) gives no time played. Listens with placeholder
-- dates have no day and are left out: like the undated counters of other players (iTunes) and tags,
-- they count only in the all-time figures of gold.track_facts (play_count, skip_count).
WITH dated AS (
  SELECT CAST(played_at AS DATE) AS day, source, track_id,
    -- A listen outside the library is a recording by its match key (the player's listens of a removed file, by that file).
    CASE WHEN track_id IS NULL THEN coalesce(match_key, 'file:' || source_track_id) END AS recording_key,
    artist, title, played_at, is_skip, source_rows,
    coalesce(ms_played, CAST(round(track_duration_s * 1000) AS BIGINT), 0) AS ms,
    hour(played_at) >= 22 OR hour(played_at) < 5 AS at_night
  FROM silver.listens
  WHERE NOT timestamp_suspect
), recordings AS (
  -- A recording outside the library is named as its earliest listen spelled it.
  SELECT recording_key, arg_min(artist, played_at) AS artist, arg_min(title, played_at) AS title
  FROM dated WHERE recording_key IS NOT NULL GROUP BY recording_key
), tracks AS (
  SELECT d.track_id, d.artist, d.title, d.genre, d.label, d.decade, d.bpm_band, d.key_code,
    coalesce(d.artist || ' – ', '') || coalesce(d.title, regexp_extract(f.path, '[^/]+$')) AS name,
    regexp_extract(f.path, '[^/]+$') AS file_name
  FROM gold.dash_track_dims d JOIN gold.track_facts f ON f.track_id = d.track_id
), named AS (
  -- Two library tracks of one name (the same song in two formats) are told apart by their file.
  SELECT *, CASE WHEN count(*) OVER (PARTITION BY lower(name)) > 1 THEN name || ' (' || file_name || ')' ELSE name END AS track_name
  FROM tracks
), grouped AS (
  SELECT day, source, track_id, recording_key,
    count(*) FILTER (WHERE NOT is_skip) AS listens,
    count(*) FILTER (WHERE is_skip) AS skips,
    CAST(sum(ms) AS BIGINT) AS ms_listened,
    count(*) FILTER (WHERE NOT is_skip AND at_night) AS night_listens,
    count(*) FILTER (WHERE NOT is_skip AND source_rows > 1) AS multi_source_listens
  FROM dated
  GROUP BY ALL
)
SELECT
  g.day, -- UTC day of the listens (when each began)
  g.source, -- the listen's representative source: spotify, lastfm, wolfie-player...
  g.track_id, -- the library track (gold.track_facts); NULL for a recording not in the library
  g.recording_key, -- for a recording not in the library: its match key (normalised artist and title)
  coalesce(t.artist, r.artist) AS artist, -- the library's artist for a library track, else as the history spelled it
  coalesce(t.title, r.title) AS title,
  coalesce(t.track_name, coalesce(r.artist || ' – ', '') || coalesce(r.title, '(untitled)') || ' (not in library)') AS track_name, -- how top lists name it, one name per track
  CASE WHEN g.track_id IS NULL THEN '(not in library)' ELSE coalesce(t.genre, '(no genre)') END AS genre, -- as gold.dash_track_dims, '(not in library)' outside it
  CASE WHEN g.track_id IS NULL THEN '(not in library)' ELSE coalesce(t.label, '(no label)') END AS label,
  CASE WHEN g.track_id IS NULL THEN '(not in library)' ELSE coalesce(t.decade, '(no year)') END AS decade,
  CASE WHEN g.track_id IS NULL THEN '(not in library)' ELSE coalesce(t.bpm_band, '(no BPM)') END AS bpm_band,
  CASE WHEN g.track_id IS NULL THEN '(not in library)' ELSE coalesce(t.key_code, '(no key)') END AS key_code, -- Camelot code, else the key name
  g.listens, -- plays: listens of 30 s or more
  g.skips, -- listens under 30 s, or marked skipped
  g.ms_listened, -- time listened, plays and skips, in milliseconds
  g.night_listens, -- plays begun between 22:00 and 05:00 UTC
  g.multi_source_listens, -- plays that more than one source recorded (Spotify and Last.fm), counted once
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.daily_track_listens' AS model
FROM grouped g
LEFT JOIN named t ON t.track_id = g.track_id
LEFT JOIN recordings r ON r.recording_key = g.recording_key
ORDER BY g.day, g.source
