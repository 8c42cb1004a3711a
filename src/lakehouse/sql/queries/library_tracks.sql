-- The library table: what the track list shows, one row per track.
SELECT track_id, artist, artist_sort, title, album, album_artist, genre, label, year, duration_s, format, codec,
       sample_rate_hz, bitrate_kbps, bpm, key, camelot, loudness_lufs, energy, danceability, rating, play_count, path, error, is_demo
FROM gold.track_facts
