-- Heard listens (no skips, trusted timestamps) with the library track they matched, or NULL when
-- listened elsewhere. Ratings of 4 stars or more count as two extra listens in TypeScript.
SELECT l.track_id, l.artist, epoch_ms(l.played_at) AS played_at_ms
FROM silver.listens l
WHERE NOT l.is_skip AND NOT l.timestamp_suspect
ORDER BY l.played_at
