-- Insight input: tracks and plays per 10-BPM band. $1 genre.
SELECT bpm_band AS band, any_value(bpm_from) AS band_from, count(*) AS tracks, CAST(sum(play_count) AS BIGINT) AS plays
FROM gold.dash_track_dims WHERE bpm_band IS NOT NULL AND ($1 IS NULL OR genre = $1) GROUP BY 1 ORDER BY 2;
