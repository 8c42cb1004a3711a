-- "Remove demo library": the demo's files become tombstones, like files deleted from a folder,
-- so bronze/silver/gold drop them on the rebuild that follows and trying the demo again re-reads them.
UPDATE raw.files SET deleted_at = now(), last_seen_run = ?
WHERE is_demo AND deleted_at IS NULL;
