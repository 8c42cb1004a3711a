-- Drops one field's correction from every file in correction_paths: the tag's value returns.
-- Parameter: field.
DELETE FROM raw.tag_corrections WHERE field = ? AND path IN (SELECT path FROM correction_paths)
