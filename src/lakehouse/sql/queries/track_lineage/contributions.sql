-- Who counted one track's plays and skips: one row per history import file and source (a listen
-- that Spotify and Last.fm both recorded is one listen, credited to both files: its
-- source_row_ids name every file's fingerprint), one per other player's library entry (iTunes,
-- rekordbox: counters as of that export), and one per in-app player. Parameters: the track id, three times.
WITH heard AS (
  SELECT listen_id, is_skip, source_rows, unnest(string_split(source_row_ids, ' ')) AS part
  FROM silver.listens
  WHERE track_id = ? AND import_fingerprint IS NOT NULL
)
SELECT 'history' AS kind, split_part(h.part, ':', 1) AS source, i.import_id, i.file_name, i.format, i.run_id,
  count(DISTINCT h.listen_id) FILTER (WHERE NOT h.is_skip) AS plays,
  count(DISTINCT h.listen_id) FILTER (WHERE h.is_skip) AS skips,
  count(DISTINCT h.listen_id) FILTER (WHERE h.source_rows > 1) AS shared_listens, -- also recorded by another file
  CAST(NULL AS DOUBLE) AS rating
FROM heard h
JOIN raw.history_imports i ON i.fingerprint[1:12] = split_part(h.part, ':', 2)
GROUP BY ALL
UNION ALL
SELECT 'library', e.source, i.import_id, i.file_name, i.format, i.run_id, e.play_count, e.skip_count, NULL, e.rating
FROM silver.library_entries e
JOIN raw.history_imports i ON i.fingerprint = e.import_fingerprint
WHERE e.track_id = ?
UNION ALL
SELECT 'player', source, NULL, NULL, NULL, NULL, count(*) FILTER (WHERE NOT is_skip), count(*) FILTER (WHERE is_skip), NULL, NULL
FROM silver.listens
WHERE track_id = ? AND import_fingerprint IS NULL
GROUP BY source
ORDER BY kind, import_id NULLS LAST, source
