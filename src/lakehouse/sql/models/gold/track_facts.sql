-- model: gold.track_facts
-- depends: bronze.tracks, raw.analysis
-- The consumption table of the contract (../shared/CONTRACT.md): one row per track, every
-- contract column present, values not computed yet left NULL.
CREATE OR REPLACE TABLE gold.track_facts AS
SELECT
  b.track_id,
  b.path,
  b.artist,
  coalesce(b.title, regexp_extract(b.path, '([^/]+?)(\.[^./]+)?$', 1)) AS title,
  b.album,
  b.album_artist,
  b.genre,
  b.label,
  b.year,
  coalesce(a.duration_s, b.tag_duration_s) AS duration_s,
  b.format,
  b.codec,
  b.sample_rate_hz,
  b.bitrate_kbps,
  coalesce(a.bpm, b.bpm_tag) AS bpm,
  a.bpm_confidence,
  CASE WHEN a.key_tonic IS NOT NULL THEN a.key_tonic || ' ' || a.key_mode END AS key,
  a.key_strength,
  CAST(NULL AS VARCHAR) AS camelot,
  a.loudness_lufs,
  a.loudness_range_lu,
  a.true_peak_dbtp,
  a.replaygain_track_gain_db,
  a.danceability,
  a.energy,
  b.play_count_tag AS play_count,
  CAST(NULL AS INTEGER) AS skip_count,
  b.rating_tag AS rating,
  CAST(NULL AS TIMESTAMP) AS last_played_at,
  b.first_seen_at,
  CAST(NULL AS DOUBLE) AS predicted_rating,
  coalesce(b.error, a.error) AS error,
  b.is_demo,
  b.size_bytes,
  b.fingerprint
FROM bronze.tracks b
LEFT JOIN raw.analysis a ON a.path = b.path AND a.fingerprint IS NOT DISTINCT FROM b.fingerprint;
