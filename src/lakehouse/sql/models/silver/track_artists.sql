-- model: silver.track_artists
-- depends: silver.tracks, meta.artist_names_unsplit, meta.settings
-- incremental: track_id
-- The artist bridge: one row per credited artist per track. Several artist tag values (an ARTISTS
-- tag, a repeated ARTIST) are the names as written. Otherwise a credit splits on feat./ft./featuring
-- (featured artists) and on the co-artist separators of meta.settings 'artist_separators'
-- (; / , and a spaced & unless changed), except names listed in meta.artist_names_unsplit.
-- Spellings that differ only in case are one artist.
-- @changed: tracks silver rebuilt in this run, credits of tracks that are gone, all credits split with other separators
SELECT track_id FROM silver.tracks WHERE run_id = getvariable('wolfie_run_id')
UNION
SELECT a.track_id FROM silver.track_artists a ANTI JOIN silver.tracks t ON t.track_id = a.track_id
UNION
SELECT track_id FROM silver.track_artists WHERE split_pattern IS DISTINCT FROM getvariable('wolfie_artist_split')
-- @rows
WITH credits AS (
  SELECT t.track_id, t.path, t.run_id,
    -- '(feat. X)' and '[ft. X]' become ' feat. X' so one split handles both spellings.
    regexp_replace(t.artist, '(?i)\s*[\(\[]\s*(?:feat\.?|ft\.?|featuring)\s+([^\)\]]+)[\)\]]', ' feat. \1', 'g') AS credit,
    t.artist IN (SELECT name FROM meta.artist_names_unsplit) AS keep_whole,
    list_filter(list_transform(string_split(t.artist_values, chr(10)), v -> silver.clean_text(v)), v -> v IS NOT NULL) AS tag_values
  FROM silver.tracks t
  WHERE t.artist IS NOT NULL AND (getvariable('wolfie_full') OR t.track_id IN (SELECT key FROM changed_keys))
), tagged AS (
  -- Names as the tag lists them; one the credit names after feat. is featured.
  SELECT track_id, path, run_id,
    CASE WHEN strpos(lower(regexp_extract(credit, '(?i)\s(?:feat\.?|ft\.?|featuring)\s+(.*)$', 1)), lower(v.name)) > 0 THEN 2 ELSE 1 END AS gi,
    v.ni, v.name
  FROM (SELECT *, unnest(list_transform(tag_values, (n, ni) -> {'name': n, 'ni': ni})) AS v FROM credits WHERE len(tag_values) > 1)
), groups AS (
  SELECT track_id, path, run_id, keep_whole,
    unnest(list_transform(
      CASE WHEN keep_whole THEN [credit] ELSE regexp_split_to_array(credit, '(?i)\s+(?:feat\.?|ft\.?|featuring)\s+') END,
      (g, gi) -> {'part': g, 'gi': gi})) AS g
  FROM credits WHERE len(tag_values) <= 1
), split AS (
  SELECT track_id, path, run_id, g.gi,
    unnest(list_transform(
      CASE WHEN keep_whole OR g.part IN (SELECT name FROM meta.artist_names_unsplit) THEN [g.part] ELSE regexp_split_to_array(g.part, getvariable('wolfie_artist_split')) END,
      (n, ni) -> {'name': trim(n), 'ni': ni})) AS n
  FROM groups
), ranked AS (
  SELECT track_id, path, run_id, name AS artist_name, gi, ni, substr(md5(lower(name)), 1, 16) AS artist_id
  FROM (SELECT track_id, path, run_id, gi, n.ni AS ni, n.name AS name FROM split UNION ALL SELECT track_id, path, run_id, gi, ni, name FROM tagged)
  WHERE name <> ''
)
SELECT
  track_id,
  artist_id, -- md5 of the lower-cased name: one id per spelling up to case
  any_value(artist_name ORDER BY gi, ni) AS artist_name,
  min(gi * 100 + ni) AS credit_order, -- order of appearance in the credit
  CASE WHEN min(gi) = 1 THEN 'main' ELSE 'featured' END AS role,
  any_value(path) AS source_path, -- row lineage: the track's canonical file
  any_value(run_id) AS run_id,
  CAST(getvariable('wolfie_artist_split') AS VARCHAR) AS split_pattern, -- the separators' pattern this credit was split with
  'silver.track_artists' AS model
FROM ranked
GROUP BY track_id, artist_id;
