-- Cross-tabulations: key by genre (the 10 largest genres) and BPM band by play-count bucket.
-- $1 genre, $2/$3 a clicked dimension and value.
WITH t AS (
  SELECT * FROM gold.dash_track_dims
  WHERE ($1 IS NULL OR genre = $1)
    AND ($2 IS NULL OR CASE $2 WHEN 'genre' THEN genre WHEN 'label' THEN label WHEN 'decade' THEN decade WHEN 'bpm_band' THEN bpm_band
      WHEN 'key' THEN key_code WHEN 'loudness' THEN loudness_band WHEN 'duration' THEN duration_band END = $3)
), g AS (SELECT genre FROM t GROUP BY genre ORDER BY count(*) DESC, genre LIMIT 10)
SELECT 'key_genre' AS kind, genre AS x, key_code AS y, NULL::DOUBLE AS x_sort, count(*) AS tracks FROM t WHERE key_code IS NOT NULL AND genre IN (SELECT genre FROM g) GROUP BY 2, 3
UNION ALL
SELECT 'bpm_plays', bpm_band, CASE WHEN play_count = 0 THEN '0' WHEN play_count < 5 THEN '1–4' WHEN play_count < 20 THEN '5–19' ELSE '20+' END, any_value(bpm_from), count(*)
FROM t WHERE bpm_band IS NOT NULL GROUP BY 2, 3;
