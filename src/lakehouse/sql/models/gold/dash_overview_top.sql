-- model: gold.dash_overview_top
-- depends: gold.dash_track_monthly, gold.dash_track_dims
-- The Overview's default view, all time, every genre and source, answered once per build: the
-- top 10 artists, tracks, genres and labels by plays. The ranking is the one of
-- queries/dashboards/overview_top.sql, which computes it for other filters; keep them in step
-- (tests/integration/dashboards.test.ts compares the two).
WITH p AS (
  SELECT track_id, sum(listens) AS listens FROM gold.dash_track_monthly GROUP BY track_id
), j AS (
  SELECT d.*, p.listens FROM p JOIN gold.dash_track_dims d ON d.track_id = p.track_id
), ranked AS (
  SELECT 'artist' AS kind, coalesce(artist, '(no artist)') AS name, NULL AS track_id, sum(listens) AS listens FROM j GROUP BY 2
  UNION ALL SELECT 'track', coalesce(artist || ' – ', '') || title, any_value(track_id), sum(listens) FROM j GROUP BY 2
  UNION ALL SELECT 'genre', genre, NULL, sum(listens) FROM j GROUP BY 2
  UNION ALL SELECT 'label', label, NULL, sum(listens) FROM j GROUP BY 2
)
SELECT
  kind, -- artist, track, genre or label
  name, -- the artist, "artist – title", genre or label
  track_id, -- for kind 'track': one track with that artist and title
  CAST(listens AS BIGINT) AS listens, -- plays (skips excluded), all time
  rank, -- 1 to 10 within the kind
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_overview_top' AS model
FROM (
  SELECT *, row_number() OVER (PARTITION BY kind ORDER BY listens DESC, name) AS rank FROM ranked WHERE listens > 0
) WHERE rank <= 10;
