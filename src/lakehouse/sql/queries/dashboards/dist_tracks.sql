-- The tracks behind a distribution view. $1 genre, $2/$3 a clicked dimension and value.
SELECT track_id, artist, title, genre, label, year, bpm, key_code AS key, round(loudness_lufs, 1) AS loudness_lufs, round(duration_s) AS duration_s, play_count
FROM gold.dash_track_dims
WHERE ($1 IS NULL OR genre = $1)
  AND ($2 IS NULL OR CASE $2 WHEN 'genre' THEN genre WHEN 'label' THEN label WHEN 'decade' THEN decade WHEN 'bpm_band' THEN bpm_band
    WHEN 'key' THEN key_code WHEN 'loudness' THEN loudness_band WHEN 'duration' THEN duration_band END = $3)
ORDER BY play_count DESC, artist, title
LIMIT 200;
