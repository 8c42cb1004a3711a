-- model: bronze.tracks
-- depends: raw.files, raw.tag_reads, raw.tag_corrections
-- incremental: path
-- One typed row per present file: the inventory joined with what its tags said, and with the
-- corrections a person made in Wolfie (raw.tag_corrections), which replace the tag's artist,
-- title, album, genre, label or year. Deleted files (tombstones in raw.files) are not tracks any more.
-- @changed: paths whose inputs differ from what bronze holds (new, changed, re-read, corrected or deleted)
SELECT path FROM (
  SELECT f.path, f.size_bytes, f.last_modified_ms, f.fingerprint, t.run_id AS tags_run_id, c.digest
  FROM raw.files f
  LEFT JOIN raw.tag_reads t ON t.path = f.path
  LEFT JOIN (
    SELECT path, md5(string_agg(field || '=' || coalesce(value, chr(0)), chr(10) ORDER BY field)) AS digest
    FROM raw.tag_corrections GROUP BY path
  ) c ON c.path = f.path
  WHERE f.deleted_at IS NULL
  EXCEPT
  SELECT path, size_bytes, last_modified_ms, fingerprint, tags_run_id, corrections_digest FROM bronze.tracks
)
UNION
SELECT b.path FROM bronze.tracks b ANTI JOIN (SELECT path FROM raw.files WHERE deleted_at IS NULL) f ON f.path = b.path
-- @rows
WITH fix AS (
  -- One row per corrected file: which fields, and each field's corrected value (NULL when cleared).
  SELECT path,
    list(field ORDER BY field) AS fields,
    md5(string_agg(field || '=' || coalesce(value, chr(0)), chr(10) ORDER BY field)) AS digest,
    max(value) FILTER (WHERE field = 'artist') AS artist,
    max(value) FILTER (WHERE field = 'title') AS title,
    max(value) FILTER (WHERE field = 'album') AS album,
    max(value) FILTER (WHERE field = 'genre') AS genre,
    max(value) FILTER (WHERE field = 'label') AS label,
    CAST(max(value) FILTER (WHERE field = 'year') AS INTEGER) AS year
  FROM raw.tag_corrections
  GROUP BY path
)
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
  -- A damaged header can declare anything (an Ogg granule at its maximum is millions of years):
  -- values no real file holds are no value, so no model downstream trips over them.
  CASE WHEN t.duration_s > 0 AND t.duration_s < 1e6 THEN t.duration_s END AS tag_duration_s, -- duration the container declares, seconds (under 11 days)
  t.sample_rate_hz,
  CASE WHEN t.bitrate_kbps > 0 AND t.bitrate_kbps < 1e5 THEN t.bitrate_kbps END AS bitrate_kbps,
  t.channels,
  t.bits_per_sample,
  CASE WHEN list_contains(c.fields, 'artist') THEN c.artist ELSE nullif(trim(t.artist), '') END AS artist, -- the corrected artist, else the tag's
  CASE WHEN list_contains(c.fields, 'artist') THEN c.artist ELSE t.artists END AS artists, -- every artist value, newline-separated (a correction is the one value)
  CASE WHEN list_contains(c.fields, 'title') THEN c.title ELSE nullif(trim(t.title), '') END AS title,
  CASE WHEN list_contains(c.fields, 'album') THEN c.album ELSE nullif(trim(t.album), '') END AS album,
  nullif(trim(t.album_artist), '') AS album_artist,
  CASE WHEN list_contains(c.fields, 'genre') THEN c.genre ELSE nullif(trim(split_part(t.genre, chr(10), 1)), '') END AS genre, -- the corrected genre, else the first genre value
  CASE WHEN list_contains(c.fields, 'genre') THEN c.genre ELSE t.genre END AS genres, -- every genre value, newline-separated
  CASE WHEN list_contains(c.fields, 'label') THEN c.label ELSE nullif(trim(split_part(t.label, chr(10), 1)), '') END AS label, -- corrected, else LABEL / ORGANIZATION / TPUB, else publisher
  nullif(regexp_extract(t.common_json, '"copyright":"((?:[^"\\]|\\.)*)"', 1), '') AS copyright, -- from the common tags' JSON text; kept as read, never a label
  CASE WHEN list_contains(c.fields, 'year') THEN c.year WHEN t.year BETWEEN 1000 AND 2999 THEN t.year END AS year,
  -- A corrected year replaces the whole date: the month and day belonged to the date said to be wrong.
  CASE WHEN list_contains(c.fields, 'year') THEN CAST(c.year AS VARCHAR) ELSE t.date_text END AS date_text, -- the date tag as written, or the corrected year
  t.track_no,
  t.disc_no,
  CASE WHEN t.bpm_tag > 0 AND t.bpm_tag < 400 THEN t.bpm_tag END AS bpm_tag,
  t.key_tag, -- the key tag as written
  t.rating_tag, -- 0..5
  t.play_count_tag,
  t.run_id AS tags_run_id, -- the run that read these tags
  t.reader, -- tag reader and version
  CASE WHEN t.path IS NULL THEN 'Not read yet' ELSE t.error END AS error,
  coalesce(c.fields, []) AS corrected_fields, -- which of artist, title, album, genre, label, year are your corrections (raw.tag_corrections)
  c.digest AS corrections_digest, -- md5 of the corrections applied: a changed correction re-derives the row
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, -- the run that built this row
  'bronze.tracks' AS model
FROM raw.files f
LEFT JOIN raw.tag_reads t ON t.path = f.path
LEFT JOIN fix c ON c.path = f.path
WHERE f.deleted_at IS NULL AND (getvariable('wolfie_full') OR f.path IN (SELECT key FROM changed_keys))
