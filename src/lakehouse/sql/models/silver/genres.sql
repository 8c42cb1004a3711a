-- model: silver.genres
-- depends: silver.tracks, meta.genre_aliases
-- One row per canonical genre with the tag spellings that map to it.
SELECT
  substr(md5(lower(genre)), 1, 16) AS genre_id,
  genre,
  count(*) AS track_count,
  string_agg(DISTINCT genre_tag, ', ' ORDER BY genre_tag) AS spellings, -- tag spellings seen for it
  bool_or(genre IN (SELECT a.genre FROM meta.genre_aliases a)) AS is_canonical, -- listed in meta.genre_aliases
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'silver.genres' AS model
FROM silver.tracks
WHERE genre IS NOT NULL
GROUP BY genre;
