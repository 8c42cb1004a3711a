-- Track counts and plays per value of every distribution dimension, for the tracks that pass
-- the filters: $1 genre, $2/$3 a clicked dimension and value (NULL = none).
WITH t AS (
  SELECT * FROM gold.dash_track_dims
  WHERE ($1 IS NULL OR genre = $1)
    AND ($2 IS NULL OR CASE $2 WHEN 'genre' THEN genre WHEN 'label' THEN label WHEN 'decade' THEN decade WHEN 'bpm_band' THEN bpm_band
      WHEN 'key' THEN key_code WHEN 'loudness' THEN loudness_band WHEN 'duration' THEN duration_band END = $3)
)
SELECT 'genre' AS dim, genre AS value, NULL::DOUBLE AS sort_key, count(*) AS tracks, CAST(sum(play_count) AS BIGINT) AS plays FROM t GROUP BY 2
UNION ALL SELECT 'label', label, NULL, count(*), sum(play_count) FROM t GROUP BY 2
UNION ALL SELECT 'decade', decade, NULL, count(*), sum(play_count) FROM t GROUP BY 2
UNION ALL SELECT 'bpm_band', bpm_band, any_value(bpm_from), count(*), sum(play_count) FROM t WHERE bpm_band IS NOT NULL GROUP BY 2
UNION ALL SELECT 'key', key_code, NULL, count(*), sum(play_count) FROM t WHERE key_code IS NOT NULL GROUP BY 2
UNION ALL SELECT 'loudness', loudness_band, any_value(loudness_from), count(*), sum(play_count) FROM t WHERE loudness_band IS NOT NULL GROUP BY 2
UNION ALL SELECT 'duration', duration_band, any_value(duration_from), count(*), sum(play_count) FROM t WHERE duration_band IS NOT NULL GROUP BY 2;
