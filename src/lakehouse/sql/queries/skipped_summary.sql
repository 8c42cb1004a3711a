-- The library page's line on skipped files: how many of each kind, unsupported ones by format.
SELECT reason_kind AS kind, format_name AS format, count(*)::INTEGER AS files
FROM raw.skipped_files
GROUP BY ALL
ORDER BY kind, format
