-- model: silver.track_artists
-- depends: silver.tracks, meta.artist_names_unsplit
-- incremental: track_id
-- The artist bridge: one row per credited artist per track. A credit splits on feat./ft./featuring
-- (featured artists) and on &, ;, / (co-artists), except names listed in meta.artist_names_unsplit.
-- @changed: tracks silver rebuilt in this run, and credits of tracks that are gone
SELECT track_id FROM silver.tracks WHERE run_id = getvariable('wolfie_run_id')
UNION
SELECT a.track_id FROM silver.track_artists a ANTI JOIN silver.tracks t ON t.track_id = a.track_id
-- @rows
WITH credits AS (
  SELECT t.track_id, t.path, t.run_id,
    -- '(feat. X)' and '[ft. X]' become ' feat. X' so one split handles both spellings.
    regexp_replace(t.artist, '(?i)\s*[\(\[]\s*(?:feat\.?|ft\.?|featuring)\s+([^\)\]]+)[\)\]]', ' feat. \1', 'g') AS credit,
    t.artist IN (SELECT name FROM meta.artist_names_unsplit) AS keep_whole
  FROM silver.tracks t
  WHERE t.artist IS NOT NULL AND (getvariable('wolfie_full') OR t.track_id IN (SELECT key FROM changed_keys))
), groups AS (
  SELECT track_id, path, run_id, keep_whole,
    unnest(list_transform(
      CASE WHEN keep_whole THEN [credit] ELSE regexp_split_to_array(credit, '(?i)\s+(?:feat\.?|ft\.?|featuring)\s+') END,
      (g, gi) -> {'part': g, 'gi': gi})) AS g
  FROM credits
), names AS (
  SELECT track_id, path, run_id, g.gi,
    unnest(list_transform(
      CASE WHEN keep_whole THEN [g.part] ELSE regexp_split_to_array(g.part, '\s+&\s+|\s*;\s*|\s*/\s*') END,
      (n, ni) -> {'name': trim(n), 'ni': ni})) AS n
  FROM groups
), ranked AS (
  SELECT track_id, path, run_id, n.name AS artist_name, gi, n.ni,
    substr(md5(lower(n.name)), 1, 16) AS artist_id
  FROM names WHERE n.name <> ''
)
SELECT
  track_id,
  artist_id, -- md5 of the lower-cased name: one id per spelling up to case
  any_value(artist_name ORDER BY gi, ni) AS artist_name,
  min(gi * 100 + ni) AS credit_order, -- order of appearance in the credit
  CASE WHEN min(gi) = 1 THEN 'main' ELSE 'featured' END AS role,
  any_value(path) AS source_path, -- row lineage: the track's canonical file
  any_value(run_id) AS run_id,
  'silver.track_artists' AS model
FROM ranked
GROUP BY track_id, artist_id;
