-- How much of the library is the bundled demo (raw.files.is_demo), for the demo notice and badge.
SELECT count(*)::INTEGER AS files, count(DISTINCT split_part(path, '/', 1))::INTEGER AS roots
FROM raw.files
WHERE is_demo AND deleted_at IS NULL;
