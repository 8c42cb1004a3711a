-- model: gold.dash_overview_top
-- depends: gold.daily_track_listens, gold.listened_tracks
-- The Overview's default view, all time, every genre and source, answered once per build: the
-- top 10 artists, tracks, genres and labels by plays, over every dated play (library tracks and
-- recordings outside it, which count under '(not in library)' as genre and label). The ranking is
-- the one of queries/dashboards/overview_top.sql, which computes it for other filters; keep them
-- in step (tests/integration/dashboards.test.ts compares the two).
WITH plays AS MATERIALIZED (
  SELECT coalesce(track_id, recording_key) AS heard_key, sum(listens) AS listens FROM gold.daily_track_listens GROUP BY 1
), heard AS MATERIALIZED (
  -- One row per track heard, named: artist, genre and label are the track's, so the other lists add these up.
  SELECT t.*, p.listens FROM plays p JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = p.heard_key
), ranked AS (
  SELECT 'artist' AS kind, coalesce(artist, '(no artist)') AS name, NULL AS track_id, sum(listens) AS listens FROM heard GROUP BY 2
  UNION ALL SELECT 'track', track_name, track_id, listens FROM heard
  UNION ALL SELECT 'genre', genre, NULL, sum(listens) FROM heard GROUP BY 2
  UNION ALL SELECT 'label', label, NULL, sum(listens) FROM heard GROUP BY 2
)
SELECT
  kind, -- artist, track, genre or label
  name, -- the artist, "artist – title" (a recording outside the library says so), genre or label
  track_id, -- for kind 'track': the library track; NULL outside the library
  CAST(listens AS BIGINT) AS listens, -- plays (skips excluded), all time
  rank, -- 1 to 10 within the kind
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_overview_top' AS model
FROM (
  SELECT *, row_number() OVER (PARTITION BY kind ORDER BY listens DESC, name) AS rank FROM ranked WHERE listens > 0
) WHERE rank <= 10;
