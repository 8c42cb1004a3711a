-- The skipped files the library page lists: formats Wolfie cannot read first (the ones a person
-- may want to convert), then the rest, by path. At most ? rows.
SELECT path, reason_kind, reason, size_bytes
FROM raw.skipped_files
ORDER BY CASE reason_kind WHEN 'unsupported-format' THEN 0 WHEN 'not-audio' THEN 1 ELSE 2 END, path
LIMIT ?
