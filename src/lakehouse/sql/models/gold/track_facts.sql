-- model: gold.track_facts
-- depends: silver.tracks, raw.analysis, silver.track_interactions, meta.key_notation, raw.rating_predictions
-- The consumption table of the contract (../shared/CONTRACT.md): one row per track, every
-- contract column present, values not computed yet left NULL.
CREATE OR REPLACE TABLE gold.track_facts AS
SELECT
  b.track_id,
  b.path,
  b.artist,
  b.artist_sort, -- the artist without a leading 'The', for sorting
  b.title,
  b.album,
  b.album_artist,
  b.genre,
  b.label,
  b.year,
  coalesce(a.duration_s, b.tag_duration_s) AS duration_s, -- decoded length when analysed, else the header's
  b.tag_duration_s, -- the length the file's header declares; a shorter decode means a truncated file (gold_duration_matches_header)
  b.format,
  b.codec,
  b.sample_rate_hz,
  b.bitrate_kbps,
  coalesce(a.bpm, b.bpm_tag) AS bpm,
  a.bpm_confidence,
  coalesce(CASE WHEN a.key_tonic IS NOT NULL THEN a.key_tonic || ' ' || a.key_mode END, b.key) AS key, -- analysed, else the key tag in one notation
  a.key_strength,
  kn.camelot,
  a.loudness_lufs,
  a.loudness_range_lu,
  a.true_peak_dbtp,
  a.replaygain_track_gain_db,
  a.danceability,
  a.energy,
  -- The person's figures, as silver.track_interactions defines them (history, players, tags and
  -- Wolfie's own player); the interactions step updates these four in place after a rating or play.
  i.play_count,
  i.skip_count,
  i.rating,
  i.last_played_at,
  b.first_seen_at,
  pr.predicted_rating, -- the rating model (workers/ratings), unrated tracks only; see src/lakehouse/queries/predictions.ts
  -- A FLAC or MP3 header declares the whole length: a copy cut short decodes to less. Said after
  -- any other reason, since the rest of the track's values describe only the part that decodes.
  CASE WHEN a.duration_s < b.tag_duration_s - 1 THEN concat_ws(' ', coalesce(b.error, a.error), format(
    'The file''s header says {}:{:02d} but the audio decodes to {}:{:02d}: the file is probably truncated; re-copy it from its source.',
    CAST(round(b.tag_duration_s) AS BIGINT) // 60, CAST(round(b.tag_duration_s) AS BIGINT) % 60,
    CAST(round(a.duration_s) AS BIGINT) // 60, CAST(round(a.duration_s) AS BIGINT) % 60))
  ELSE coalesce(b.error, a.error) END AS error,
  kn.open_key,
  a.analyser || ' ' || a.analyser_version AS analysed_by, -- lineage of bpm, key, loudness, energy, danceability
  b.is_demo,
  b.size_bytes,
  b.fingerprint,
  b.file_count, -- files holding this track (see gold.duplicate_files)
  b.month,
  b.day,
  b.genre_tag, -- the genre as tagged, before the alias table
  b.genre_values, -- every genre value, cleaned, comma-separated
  b.label_source, -- 'label tag', or 'correction' when a person set it
  array_to_string(b.corrected_fields, ', ') AS corrected_fields, -- e.g. 'title, year': corrected in Wolfie, over the tags
  b.derived_fields, -- artist / album / title / track_no read from the folder and file name, for want of a tag
  b.source_run_id, -- row lineage: the run that read the tags
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id, -- row lineage: the run that built this row
  'gold.track_facts' AS model
FROM silver.tracks b
LEFT JOIN raw.analysis a ON a.path = b.path AND a.fingerprint IS NOT DISTINCT FROM b.fingerprint
LEFT JOIN silver.track_interactions i ON i.track_id = b.track_id
LEFT JOIN raw.rating_predictions pr ON pr.track_id = b.track_id
LEFT JOIN meta.key_notation kn ON kn.key_name = coalesce(CASE WHEN a.key_tonic IS NOT NULL THEN a.key_tonic || ' ' || a.key_mode END, b.key);
