-- Top artists, tracks, genres and labels by plays in a period. $1/$2 period, $3 genre, $4 source.
-- The plays are those of gold.daily_track_listens, day by day, so the bars of each list are shares
-- of the period's plays of overview_totals (recordings outside the library included: their genre
-- and label are '(not in library)'). With no filter (the default view) the answer is
-- gold.dash_overview_top, built by the pipeline with this same ranking.
WITH unfiltered AS (SELECT $1 IS NULL AND $2 IS NULL AND $3 IS NULL AND $4 IS NULL AS yes),
plays AS MATERIALIZED (
  SELECT coalesce(d.track_id, d.recording_key) AS heard_key, sum(d.listens) AS listens
  FROM gold.daily_track_listens d
  WHERE d.day BETWEEN coalesce(CAST($1 AS DATE), DATE '0001-01-01') AND coalesce(CAST($2 AS DATE), DATE '9999-12-31')
    AND ($3 IS NULL OR d.genre = $3) AND ($4 IS NULL OR d.source = $4)
    AND NOT ($1 IS NULL AND $2 IS NULL AND $3 IS NULL AND $4 IS NULL)
  GROUP BY 1
), heard AS MATERIALIZED (
  -- One row per track heard in the period, named: artist, genre and label are the track's, so the other lists add these up.
  SELECT t.*, p.listens FROM plays p JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = p.heard_key
), ranked AS (
  SELECT 'artist' AS kind, coalesce(artist, '(no artist)') AS name, NULL AS track_id, sum(listens) AS listens FROM heard GROUP BY 2
  UNION ALL SELECT 'track', track_name, track_id, listens FROM heard
  UNION ALL SELECT 'genre', genre, NULL, sum(listens) FROM heard GROUP BY 2
  UNION ALL SELECT 'label', label, NULL, sum(listens) FROM heard GROUP BY 2
), computed AS (
  SELECT kind, name, track_id, CAST(listens AS BIGINT) AS listens, rank FROM (
    SELECT *, row_number() OVER (PARTITION BY kind ORDER BY listens DESC, name) AS rank FROM ranked WHERE listens > 0
  ) WHERE rank <= 10
)
SELECT kind, name, track_id, listens FROM (
  SELECT kind, name, track_id, listens, rank FROM computed
  UNION ALL
  SELECT t.kind, t.name, t.track_id, t.listens, t.rank FROM gold.dash_overview_top t, unfiltered WHERE unfiltered.yes
) ORDER BY kind, rank;
