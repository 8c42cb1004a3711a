-- The recap's input: what was heard in a period [?, ?) (dates, the end exclusive), one row per
-- library track or recording outside the library, from gold.daily_track_listens, the same rows the
-- dashboards add up, so the recap's plays, minutes and top lists are the Overview's for that
-- period. The library's attributes and all-time plays come from gold.track_facts; artist_first_ms
-- is the day the artist was first heard (before any period), which tells discoveries apart.
WITH firsts AS (
  SELECT lower(artist) AS artist_key, min(day) AS first_day
  FROM gold.daily_track_listens WHERE listens > 0 AND artist IS NOT NULL GROUP BY 1
), period AS (
  SELECT any_value(track_id) AS track_id, any_value(track_name) AS name, any_value(artist) AS artist, any_value(genre) AS genre,
    sum(listens) AS listens, sum(ms_listened) AS ms_listened, sum(night_listens) AS night_listens
  FROM gold.daily_track_listens
  WHERE day >= CAST(? AS DATE) AND day < CAST(? AS DATE)
  GROUP BY coalesce(track_id, recording_key)
)
SELECT p.track_id, p.name, p.artist,
  CASE WHEN p.genre NOT IN ('(not in library)', '(no genre)') THEN p.genre END AS genre, -- a genre, not a placeholder
  CAST(p.listens AS INTEGER) AS listens, CAST(p.ms_listened AS DOUBLE) AS ms_listened, CAST(p.night_listens AS INTEGER) AS night_listens,
  t.key, t.bpm, t.energy, t.play_count AS all_time_plays,
  epoch_ms(CAST(f.first_day AS TIMESTAMP)) AS artist_first_ms
FROM period p
LEFT JOIN gold.track_facts t ON t.track_id = p.track_id
LEFT JOIN firsts f ON f.artist_key = lower(p.artist)
