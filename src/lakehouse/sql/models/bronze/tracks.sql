-- model: bronze.tracks
-- depends: raw.files, raw.tag_reads
-- One typed row per present file: inventory joined with what its tags said. Deleted files
-- (tombstones in raw.files) are not tracks any more.
CREATE OR REPLACE TABLE bronze.tracks AS
SELECT
  substr(md5(f.path), 1, 16) AS track_id,
  f.path,
  f.size_bytes,
  f.last_modified_ms,
  f.fingerprint,
  f.first_seen_at,
  f.first_seen_run,
  f.is_demo,
  lower(regexp_extract(f.path, '\.([^./]+)$', 1)) AS format,
  t.container,
  t.codec,
  t.lossless,
  t.duration_s AS tag_duration_s,
  t.sample_rate_hz,
  t.bitrate_kbps,
  t.channels,
  t.bits_per_sample,
  nullif(trim(t.artist), '') AS artist,
  t.artists,
  nullif(trim(t.title), '') AS title,
  nullif(trim(t.album), '') AS album,
  nullif(trim(t.album_artist), '') AS album_artist,
  nullif(trim(split_part(t.genre, chr(10), 1)), '') AS genre,
  nullif(trim(split_part(t.label, chr(10), 1)), '') AS label,
  CASE WHEN t.year BETWEEN 1000 AND 2999 THEN t.year END AS year,
  t.track_no,
  t.disc_no,
  CASE WHEN t.bpm_tag > 0 AND t.bpm_tag < 400 THEN t.bpm_tag END AS bpm_tag,
  t.key_tag,
  t.rating_tag,
  t.play_count_tag,
  t.run_id AS tags_run_id,
  t.reader,
  CASE WHEN t.path IS NULL THEN 'Not read yet' ELSE t.error END AS error
FROM raw.files f
LEFT JOIN raw.tag_reads t ON t.path = f.path
WHERE f.deleted_at IS NULL;
