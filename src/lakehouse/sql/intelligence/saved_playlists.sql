-- Saved (generated) playlists, newest first: how many tracks each holds, how many of those are
-- still in gold.track_facts, and the minutes of the ones that are.
SELECT p.playlist_id, p.name, epoch_ms(p.created_at) AS saved_at_ms,
  count(t.position) AS track_count,
  count(g.track_id) AS in_library_count,
  coalesce(sum(g.duration_s), 0) AS duration_s
FROM raw.playlists p
LEFT JOIN raw.playlist_tracks t ON t.playlist_id = p.playlist_id
LEFT JOIN gold.track_facts g ON g.track_id = t.track_id
GROUP BY p.playlist_id, p.name, p.created_at
ORDER BY p.created_at DESC, p.playlist_id DESC
