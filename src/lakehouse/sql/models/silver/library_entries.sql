-- model: silver.library_entries
-- depends: raw.library_entries, raw.history_imports, raw.track_matches, silver.track_files
-- Another player's library (iTunes / Apple Music, rekordbox) as of its latest import: a newer
-- export of the same library replaces the counters of the older one, entry by entry. track_id
-- is the matched file's track (silver.track_files), so a duplicate file's entry counts for its track.
CREATE OR REPLACE TABLE silver.library_entries AS
SELECT
  e.source,
  e.source_row_id,
  t.track_id,
  CASE WHEN t.track_id IS NOT NULL THEN m.confidence END AS match_confidence,
  e.artist,
  e.title,
  e.album,
  e.duration_s,
  e.location,
  e.play_count,
  e.skip_count,
  e.last_played_at,
  e.last_skipped_at,
  e.date_added,
  e.rating,
  e.loved,
  e.bpm,
  e.key_text,
  e.match_key,
  e.import_fingerprint,
  i.file_name AS import_file,
  i.run_id
FROM raw.library_entries e
JOIN raw.history_imports i ON i.import_id = e.import_id
LEFT JOIN raw.track_matches m ON m.match_key = e.match_key
LEFT JOIN silver.track_files t ON t.path = m.path
QUALIFY row_number() OVER (PARTITION BY e.source, e.source_row_id ORDER BY e.import_id DESC) = 1;
