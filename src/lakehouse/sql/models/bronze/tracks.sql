-- model: bronze.tracks
-- depends: raw.files, raw.tag_reads
-- incremental: path
-- One typed row per present file: the inventory joined with what its tags said. Deleted files
-- (tombstones in raw.files) are not tracks any more.
-- @changed: paths whose inputs differ from what bronze holds (new, changed, re-read or deleted)
SELECT path FROM (
  SELECT f.path, f.size_bytes, f.last_modified_ms, f.fingerprint, t.run_id AS tags_run_id
  FROM raw.files f LEFT JOIN raw.tag_reads t ON t.path = f.path WHERE f.deleted_at IS NULL
  EXCEPT
  SELECT path, size_bytes, last_modified_ms, fingerprint, tags_run_id FROM bronze.tracks
)
UNION
SELECT b.path FROM bronze.tracks b ANTI JOIN (SELECT path FROM raw.files WHERE deleted_at IS NULL) f ON f.path = b.path
-- @rows
SELECT
  substr(md5(f.path), 1, 16) AS track_id, -- the file's id (silver gives a track the id of its canonical file)
  f.path, -- relative to the chosen folder, first segment its name
  f.size_bytes,
  f.last_modified_ms,
  f.fingerprint, -- SHA-256 of size + first and last 64 KiB
  f.first_seen_at,
  f.first_seen_run,
  f.is_demo,
  lower(regexp_extract(f.path, '\.([^./]+)$', 1)) AS format, -- the file extension, lower case
  t.container,
  t.codec,
  t.lossless,
  t.duration_s AS tag_duration_s, -- duration the container declares, seconds
  t.sample_rate_hz,
  t.bitrate_kbps,
  t.channels,
  t.bits_per_sample,
  nullif(trim(t.artist), '') AS artist,
  t.artists, -- every artist value, newline-separated
  nullif(trim(t.title), '') AS title,
  nullif(trim(t.album), '') AS album,
  nullif(trim(t.album_artist), '') AS album_artist,
  nullif(trim(split_part(t.genre, chr(10), 1)), '') AS genre, -- the first genre value
  t.genre AS genres, -- every genre value, newline-separated
  nullif(trim(split_part(t.label, chr(10), 1)), '') AS label, -- LABEL / ORGANIZATION / TPUB, else publisher
  nullif(regexp_extract(t.common_json, '"copyright":"((?:[^"\\]|\\.)*)"', 1), '') AS copyright, -- from the common tags' JSON text
  CASE WHEN t.year BETWEEN 1000 AND 2999 THEN t.year END AS year,
  t.date_text, -- the date tag as written
  t.track_no,
  t.disc_no,
  CASE WHEN t.bpm_tag > 0 AND t.bpm_tag < 400 THEN t.bpm_tag END AS bpm_tag,
  t.key_tag, -- the key tag as written
  t.rating_tag, -- 0..5
  t.play_count_tag,
  t.run_id AS tags_run_id, -- the run that read these tags
  t.reader, -- tag reader and version
  CASE WHEN t.path IS NULL THEN 'Not read yet' ELSE t.error END AS error,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, -- the run that built this row
  'bronze.tracks' AS model
FROM raw.files f
LEFT JOIN raw.tag_reads t ON t.path = f.path
WHERE f.deleted_at IS NULL AND (getvariable('wolfie_full') OR f.path IN (SELECT key FROM changed_keys))
