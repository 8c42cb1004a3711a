-- The recap's input: what was heard in a period [$1, $2) (dates, the end exclusive), one row per
-- library track or recording outside the library, from gold.daily_track_listens, the same rows the
-- dashboards add up, so the recap's plays, minutes and top lists are the Overview's for that
-- period. The library's attributes and all-time plays come from gold.track_facts; artist_first_ms
-- is the day the artist was first heard (before any period), which tells discoveries apart.
WITH plays AS (
  SELECT coalesce(track_id, recording_key) AS heard_key, min(day) FILTER (WHERE listens > 0) AS first_day,
    sum(listens) FILTER (WHERE day >= CAST($1 AS DATE) AND day < CAST($2 AS DATE)) AS listens,
    sum(ms_listened) FILTER (WHERE day >= CAST($1 AS DATE) AND day < CAST($2 AS DATE)) AS ms_listened,
    sum(night_listens) FILTER (WHERE day >= CAST($1 AS DATE) AND day < CAST($2 AS DATE)) AS night_listens
  FROM gold.daily_track_listens
  GROUP BY 1
), heard AS (
  SELECT t.*, p.first_day, p.listens, p.ms_listened, p.night_listens,
    min(p.first_day) OVER (PARTITION BY lower(t.artist)) AS artist_first_day
  FROM plays p JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = p.heard_key
)
SELECT h.track_id, h.track_name AS name, h.artist,
  CASE WHEN h.genre NOT IN ('(not in library)', '(no genre)') THEN h.genre END AS genre, -- a genre, not a placeholder
  CAST(coalesce(h.listens, 0) AS INTEGER) AS listens, CAST(h.ms_listened AS DOUBLE) AS ms_listened, CAST(coalesce(h.night_listens, 0) AS INTEGER) AS night_listens,
  f.key, f.bpm, f.energy, f.play_count AS all_time_plays,
  CASE WHEN h.artist IS NOT NULL THEN epoch_ms(CAST(h.artist_first_day AS TIMESTAMP)) END AS artist_first_ms
FROM heard h
LEFT JOIN gold.track_facts f ON f.track_id = h.track_id
WHERE h.ms_listened IS NOT NULL -- heard in the period (a skip too)
