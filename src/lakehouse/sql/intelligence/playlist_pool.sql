-- The tracks a playlist can draw from: healthy rows of gold.track_facts in the shape of
-- src/domain/playlist.ts PlaylistTrack (plus the columns smart-playlist rules and sorts use).
SELECT track_id, path, artist, title, album, genre, label, year, duration_s, bpm, key, camelot, energy,
  coalesce(play_count, 0) AS play_count, skip_count, rating, predicted_rating,
  epoch_ms(last_played_at) AS last_played_at_ms, last_played_at, first_seen_at
FROM gold.track_facts
WHERE error IS NULL
