-- model: gold.dash_missing_tags
-- depends: gold.track_facts
-- One row per track and tag it lacks (of the tags the dashboards group by), ranked for examples
-- within the tag and within the tag and genre, so the library-optimisation page counts and
-- samples them with a filter instead of scanning every track for every tag on each view.
WITH t AS (
  SELECT track_id, artist, title, coalesce(genre, '(no genre)') AS genre,
    [CASE WHEN artist IS NULL THEN 'artist' END, CASE WHEN title IS NULL THEN 'title' END, CASE WHEN genre IS NULL THEN 'genre' END,
     CASE WHEN year IS NULL THEN 'year' END, CASE WHEN label IS NULL THEN 'label' END, CASE WHEN album IS NULL THEN 'album' END,
     CASE WHEN bpm IS NULL THEN 'bpm' END, CASE WHEN key IS NULL THEN 'key' END] AS missing
  FROM gold.track_facts
), m AS (
  SELECT t.track_id, t.artist, t.title, t.genre, u.tag FROM t, unnest(t.missing) AS u(tag) WHERE u.tag IS NOT NULL
)
SELECT
  tag, -- the missing tag: artist, title, genre, year, label, album, bpm or key
  track_id,
  genre, -- the track's genre, '(no genre)' when it has none (the dashboards' genre filter value)
  coalesce(artist || ' – ', '') || coalesce(title, track_id) AS example, -- how the track is named in the list
  row_number() OVER (PARTITION BY tag ORDER BY artist, title, track_id) AS rank_in_tag, -- example order across the library
  row_number() OVER (PARTITION BY tag, genre ORDER BY artist, title, track_id) AS rank_in_genre, -- example order within the genre
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_missing_tags' AS model
FROM m;
