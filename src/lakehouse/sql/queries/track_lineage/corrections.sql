-- The corrections a person made to one track's tags (raw.tag_corrections of its canonical
-- file), each beside the tag's own value as bronze.tracks would take it. Parameter: the track id.
SELECT c.field, c.value, CAST(c.corrected_at AS VARCHAR) AS corrected_at, c.run_id,
  CASE c.field
    WHEN 'artist' THEN nullif(trim(t.artist), '')
    WHEN 'title' THEN nullif(trim(t.title), '')
    WHEN 'album' THEN nullif(trim(t.album), '')
    WHEN 'genre' THEN nullif(trim(split_part(t.genre, chr(10), 1)), '')
    WHEN 'label' THEN nullif(trim(split_part(t.label, chr(10), 1)), '')
    WHEN 'year' THEN coalesce(nullif(regexp_extract(t.date_text, '^\s*(\d{4})', 1), ''), CAST(t.year AS VARCHAR))
  END AS tag_value
FROM gold.track_facts g
JOIN raw.tag_corrections c ON c.path = g.path
LEFT JOIN raw.tag_reads t ON t.path = g.path
WHERE g.track_id = ?
ORDER BY c.field
