-- model: silver.tracks
-- depends: bronze.tracks, silver.track_files, meta.genre_aliases
-- incremental: path
-- Cleansed and conformed tracks, one row per distinct track: text decoded (HTML entities),
-- whitespace and Unicode (NFC) normalised, dates split, genre canonical, label from the label
-- tags only (never a copyright or licence line or a web address), one key notation. Values come
-- from the track's canonical file; artist, album, title and track number a file's tags lack are
-- read from its folder and file name ('Artist/Album/NN Title', 'Artist - Title') and listed in
-- derived_fields.
-- @changed: canonical files whose tags, corrections, content, track id, file count or genre alias changed; files no longer canonical
SELECT path FROM (
  SELECT f.path, f.track_id, f.file_count, b.tags_run_id, b.fingerprint, b.size_bytes, b.error, b.corrections_digest
  FROM silver.track_files f JOIN bronze.tracks b ON b.path = f.path WHERE f.is_canonical
  EXCEPT
  SELECT path, track_id, file_count, source_run_id, fingerprint, size_bytes, error, corrections_digest FROM silver.tracks
)
UNION
SELECT s.path FROM silver.tracks s ANTI JOIN (SELECT path FROM silver.track_files WHERE is_canonical) f ON f.path = s.path
UNION
SELECT s.path FROM silver.tracks s LEFT JOIN meta.genre_aliases a ON a.alias_key = silver.alias_key(s.genre_tag)
WHERE coalesce(a.genre, s.genre_tag) IS DISTINCT FROM s.genre
-- @rows
WITH src AS (
  SELECT b.*, f.track_id AS canonical_track_id, f.file_count,
    -- Every genre value (multi-valued tags, 'Rock; Pop', 'Rock/Pop'), cleaned; the first is the track's genre.
    silver.distinct_in_order(list_filter(list_transform(regexp_split_to_array(b.genres, '\s*[\n;/,|]\s*'), g -> silver.clean_text(g)), g -> g IS NOT NULL)) AS genre_list,
    genre_list[1] AS genre_clean,
    regexp_extract(b.date_text, '^\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?', ['y', 'm', 'd']) AS date_parts,
    silver.clean_text(b.title) AS title_tag, silver.clean_text(b.artist) AS artist_tag, silver.clean_text(b.album) AS album_tag,
    silver.name_parts(silver.file_stem(b.path)) AS named, silver.path_folders(b.path) AS folders
  FROM silver.track_files f JOIN bronze.tracks b ON b.path = f.path
  WHERE f.is_canonical AND (getvariable('wolfie_full') OR f.path IN (SELECT key FROM changed_keys))
), derived AS (
  -- A numbered file sits in its album's folder, and that folder in its artist's.
  SELECT *,
    silver.clean_text(named.title) AS title_named,
    coalesce(silver.clean_text(named.artist), CASE WHEN coalesce(track_no, named.track_no) IS NOT NULL THEN silver.clean_text(folders[2]) END) AS artist_named,
    CASE WHEN coalesce(track_no, named.track_no) IS NOT NULL THEN silver.clean_text(folders[1]) END AS album_named
  FROM src
)
SELECT
  s.canonical_track_id AS track_id,
  s.path, -- the canonical file
  s.file_count, -- files holding this track (2 or more: duplicates, see gold.duplicate_files)
  coalesce(s.title_tag, s.title_named) AS title,
  coalesce(s.artist_tag, s.artist_named) AS artist, -- the credit as tagged, cleaned; credits split in silver.track_artists
  s.artists AS artist_values, -- every artist tag value, newline-separated (several: a multi-valued tag)
  regexp_replace(coalesce(s.artist_tag, s.artist_named), '(?i)^the\s+', '') AS artist_sort, -- sorts 'The Beatles' under B
  coalesce(s.album_tag, s.album_named) AS album,
  silver.clean_text(s.album_artist) AS album_artist,
  coalesce(a.genre, s.genre_clean) AS genre, -- canonical genre (meta.genre_aliases), else the cleaned tag
  s.genre_clean AS genre_tag, -- the first genre tag, cleaned
  nullif(array_to_string(s.genre_list, ', '), '') AS genre_values, -- every genre value, cleaned, comma-separated
  silver.label_value(s.label) AS label, -- LABEL / ORGANIZATION / PUBLISHER / TPUB, unless it is a copyright line
  CASE WHEN silver.label_value(s.label) IS NULL THEN NULL WHEN list_contains(s.corrected_fields, 'label') THEN 'correction' ELSE 'label tag' END AS label_source,
  coalesce(TRY_CAST(nullif(s.date_parts.y, '') AS INTEGER), s.year) AS year,
  CASE WHEN TRY_CAST(nullif(s.date_parts.m, '') AS INTEGER) BETWEEN 1 AND 12 THEN CAST(s.date_parts.m AS INTEGER) END AS month,
  CASE WHEN TRY_CAST(nullif(s.date_parts.d, '') AS INTEGER) BETWEEN 1 AND 31 THEN CAST(s.date_parts.d AS INTEGER) END AS day,
  coalesce(s.track_no, s.named.track_no) AS track_no,
  s.disc_no,
  nullif(array_to_string(list_filter([
    CASE WHEN s.artist_tag IS NULL AND s.artist_named IS NOT NULL THEN 'artist' END,
    CASE WHEN s.album_tag IS NULL AND s.album_named IS NOT NULL THEN 'album' END,
    CASE WHEN s.title_tag IS NULL AND s.title_named IS NOT NULL THEN 'title' END,
    CASE WHEN s.track_no IS NULL AND s.named.track_no IS NOT NULL THEN 'track_no' END], f -> f IS NOT NULL), ', '), '') AS derived_fields, -- e.g. 'artist, title': read from the folder and file name, for want of a tag
  s.corrected_fields, -- fields a person corrected in Wolfie (raw.tag_corrections), over the tags
  s.corrections_digest, -- what the corrections were when this row was built
  s.tag_duration_s,
  s.format,
  s.container,
  s.codec,
  s.lossless,
  s.sample_rate_hz,
  s.bitrate_kbps,
  s.channels,
  s.bits_per_sample,
  s.bpm_tag, -- beats per minute from the tag
  silver.key_from_tag(s.key_tag) AS key, -- '<tonic> <major|minor>' from the key tag
  s.rating_tag, -- 0..5
  s.play_count_tag,
  s.first_seen_at,
  s.is_demo,
  s.size_bytes,
  s.fingerprint,
  s.error,
  s.path AS source_path, -- row lineage: the file the values were read from
  s.tags_run_id AS source_run_id, -- row lineage: the run that read its tags
  s.reader AS source_reader,
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, -- the run that built this row
  'silver.tracks' AS model
FROM derived s
LEFT JOIN meta.genre_aliases a ON a.alias_key = silver.alias_key(s.genre_clean);
