-- Export tracks (CSV): the contract's columns of gold.track_facts, in the contract's order.
SELECT track_id, path, artist, title, album, album_artist, genre, label, year, duration_s, format,
       codec, sample_rate_hz, bitrate_kbps, bpm, bpm_confidence, key, key_strength, camelot,
       loudness_lufs, loudness_range_lu, true_peak_dbtp, replaygain_track_gain_db, danceability,
       energy, play_count, skip_count, rating, strftime(last_played_at, '%Y-%m-%dT%H:%M:%SZ') AS last_played_at,
       strftime(first_seen_at, '%Y-%m-%dT%H:%M:%SZ') AS first_seen_at, predicted_rating, error
FROM gold.track_facts
ORDER BY path
