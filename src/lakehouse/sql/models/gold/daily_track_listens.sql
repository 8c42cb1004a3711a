-- model: gold.daily_track_listens
-- depends: silver.listens, gold.dash_track_dims
-- The one definition of listening in a period: per UTC day, source and what was heard (a library
-- track, or a recording not in the library: gold.listened_tracks names both), its plays, skips and
-- time listened. Every figure of a period adds these rows up: the daily totals
-- (gold.listening_daily, gold.dash_listens_daily), the dashboards' top lists, breakdowns and
-- movers, and the recap. A play is a listen of 30 s or more (or the player's own verdict), as
-- silver.listens.is_skip says; time listened counts skips too and takes the track's length when a
-- source (Last.fm) gives no time played. Listens with placeholder dates have no day and are left
-- out: like the undated counters of other players (iTunes) and tags, they count only in the
-- all-time figures of gold.track_facts (play_count, skip_count).
SELECT
  CAST(l.played_at AS DATE) AS day, -- UTC day of the listens (when each began)
  l.source, -- the listen's representative source: spotify, lastfm, wolfie-player...
  l.track_id, -- the library track (gold.track_facts); NULL for a recording not in the library
  -- A listen outside the library is a recording by its match key (the player's listens of a removed file, by that file).
  CASE WHEN l.track_id IS NULL THEN coalesce(l.match_key, 'file:' || l.source_track_id) END AS recording_key, -- for a recording not in the library: its key in gold.listened_tracks
  CASE WHEN l.track_id IS NULL THEN '(not in library)' ELSE coalesce(any_value(d.genre), '(no genre)') END AS genre, -- as gold.dash_track_dims, for the genre filter
  count(*) FILTER (WHERE NOT l.is_skip) AS listens, -- plays: listens of 30 s or more
  count(*) FILTER (WHERE l.is_skip) AS skips, -- listens under 30 s, or marked skipped
  CAST(sum(coalesce(l.ms_played, CAST(round(l.track_duration_s * 1000) AS BIGINT), 0)) AS BIGINT) AS ms_listened, -- time listened, plays and skips, in milliseconds
  count(*) FILTER (WHERE NOT l.is_skip AND (hour(l.played_at) >= 22 OR hour(l.played_at) < 5)) AS night_listens, -- plays begun between 22:00 and 05:00 UTC
  count(*) FILTER (WHERE NOT l.is_skip AND l.source_rows > 1) AS multi_source_listens, -- plays more than one source recorded (Spotify and Last.fm), counted once
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.daily_track_listens' AS model
FROM silver.listens l
LEFT JOIN gold.dash_track_dims d ON d.track_id = l.track_id
WHERE NOT l.timestamp_suspect
GROUP BY day, l.source, l.track_id, recording_key
ORDER BY day, l.source
