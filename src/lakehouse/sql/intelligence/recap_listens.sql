-- Listens in a period [?, ?) with the attributes of the library track they matched (if any), for
-- the recap. Skips are left out: a recap counts what was heard. first_heard_ms is the artist's
-- first listen ever (before any period), which tells discoveries apart.
WITH heard AS (
  SELECT l.*, min(l.played_at) OVER (PARTITION BY lower(coalesce(l.artist, ''))) AS artist_first_at
  FROM silver.listens l
  WHERE NOT l.is_skip AND NOT l.timestamp_suspect
)
SELECT h.track_id, h.artist, h.title, epoch_ms(h.played_at) AS played_at_ms, hour(h.played_at) AS hour_utc,
  coalesce(h.ms_played / 1000.0, t.duration_s, h.track_duration_s, 0) AS seconds,
  t.genre, t.key, t.bpm, t.energy, epoch_ms(h.artist_first_at) AS artist_first_ms
FROM heard h
LEFT JOIN gold.track_facts t ON t.track_id = h.track_id
WHERE h.played_at >= CAST(? AS TIMESTAMP) AND h.played_at < CAST(? AS TIMESTAMP)
