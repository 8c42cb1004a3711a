-- The 10 most-played tracks (at least 3 times the median plays of played tracks), each with up
-- to 3 alternatives: same or neighbouring Camelot key (±1 on the wheel, or the relative
-- major/minor), BPM within 4 %, nearest in energy and danceability (the timbre summary gold
-- carries), least played first on ties. $1 genre limits the over-played tracks (the median
-- stays the library's); their alternatives may come from any genre. `over` is MATERIALIZED so
-- the genre filter is planned on its own: inlined into the key join, the prepared plan in
-- duckdb-wasm 1.32 once ran for minutes where the literal one took milliseconds.
-- The neighbouring keys are spelled out as rows so the join is an equality (hash) join: a range
-- or OR condition made DuckDB-wasm fall back to a nested loop that took seconds.
WITH med AS (SELECT greatest(median(play_count), 1) AS plays FROM gold.dash_track_dims WHERE play_count > 0),
over AS MATERIALIZED (
  SELECT d.track_id, d.artist, d.title, d.play_count, d.bpm, d.key_code, d.energy, d.danceability,
    CAST(d.camelot[:-2] AS INTEGER) AS wheel, right(d.camelot, 1) AS ring
  FROM gold.dash_track_dims d, med
  WHERE ($1 IS NULL OR d.genre = $1) AND d.play_count >= 3 * med.plays AND d.camelot IS NOT NULL AND d.bpm IS NOT NULL
  ORDER BY d.play_count DESC, d.track_id LIMIT 10
), near AS (
  SELECT *, unnest([wheel, (wheel + 10) % 12 + 1, wheel % 12 + 1]) AS n_wheel, ring AS n_ring FROM over
  UNION ALL
  SELECT *, wheel, CASE ring WHEN 'A' THEN 'B' ELSE 'A' END FROM over
), pairs AS (
  SELECT o.track_id, a.track_id AS alt_id, a.artist AS alt_artist, a.title AS alt_title, a.bpm AS alt_bpm, a.key_code AS alt_key, a.play_count AS alt_plays,
    row_number() OVER (PARTITION BY o.track_id ORDER BY
      abs(coalesce(a.energy, 0.5) - coalesce(o.energy, 0.5)) + abs(coalesce(a.danceability, 0.5) - coalesce(o.danceability, 0.5)), a.play_count, a.track_id) AS n
  FROM near o
  JOIN gold.dash_track_dims a ON CAST(a.camelot[:-2] AS INTEGER) = o.n_wheel AND right(a.camelot, 1) = o.n_ring
  WHERE a.track_id <> o.track_id AND abs(a.bpm - o.bpm) <= o.bpm * 0.04
)
SELECT o.track_id, o.artist, o.title, o.play_count, o.bpm, o.key_code,
  list({'track_id': p.alt_id, 'artist': p.alt_artist, 'title': p.alt_title, 'bpm': p.alt_bpm, 'key': p.alt_key, 'plays': CAST(p.alt_plays AS DOUBLE)} ORDER BY p.n)
    FILTER (WHERE p.alt_id IS NOT NULL) AS alternatives
FROM over o LEFT JOIN pairs p ON p.track_id = o.track_id AND p.n <= 3
GROUP BY ALL ORDER BY o.play_count DESC, o.track_id;
