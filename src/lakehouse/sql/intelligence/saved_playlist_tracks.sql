-- One saved playlist's tracks in their saved order, joined to gold.track_facts; a track that left
-- the library (removed, or its file deleted) keeps its row with NULL path and in_library false.
SELECT t.position, t.track_id, t.locked, g.path, g.artist, g.title, g.duration_s,
  g.track_id IS NOT NULL AS in_library
FROM raw.playlist_tracks t
LEFT JOIN gold.track_facts g ON g.track_id = t.track_id
WHERE t.playlist_id = ?
ORDER BY t.position
