-- model: silver.listens
-- depends: raw.listens, raw.history_imports, raw.track_matches, raw.player_events, bronze.tracks
-- One row per listen, whoever recorded it. Rows of the same recording (same match key) from
-- different import files that started within 2 minutes of each other are one listen carrying
-- every source (Spotify + Last.fm scrobbling the same play; overlapping exports). Rows of one file
-- are never merged: each is its own event. Matched to a library track through raw.track_matches;
-- the unmatched stay, flagged listened_elsewhere ("listened elsewhere, not in your library").
CREATE OR REPLACE TABLE silver.listens AS
WITH service AS (
  SELECT l.*,
    -- Spotify stamps the end of a play, Last.fm its start: compare starts.
    CASE WHEN l.source = 'spotify' AND l.ms_played IS NOT NULL THEN l.played_at - to_milliseconds(l.ms_played) ELSE l.played_at END AS started_at,
    -- A play counts from 30 s (Last.fm's scrobble rule, and our player's); Spotify's own flag also makes a skip.
    (coalesce(l.skipped, false) OR coalesce(l.ms_played < 30000, false)) AS is_skip_row
  FROM raw.listens l
),
ordered AS (
  SELECT *, lag(started_at) OVER w AS prev_started_at, lag(import_id) OVER w AS prev_import_id
  FROM service
  WINDOW w AS (PARTITION BY match_key ORDER BY started_at, import_id, source_row_id)
),
clustered AS (
  SELECT *,
    sum(CASE WHEN prev_started_at IS NOT NULL AND import_id <> prev_import_id AND started_at - prev_started_at <= INTERVAL 2 MINUTE
             THEN 0 ELSE 1 END) OVER (PARTITION BY match_key ORDER BY started_at, import_id, source_row_id ROWS UNBOUNDED PRECEDING) AS cluster_no
  FROM ordered
),
ranked AS (
  -- The representative row of a listen: the one that knows how long it played (Spotify), else the earliest.
  SELECT *, row_number() OVER (PARTITION BY match_key, cluster_no ORDER BY (ms_played IS NULL), started_at, import_id, source_row_id) AS pick
  FROM clustered
),
merged AS (
  SELECT match_key, cluster_no,
    array_to_string(list_sort(list_distinct(list(source))), '+') AS sources,
    string_agg(source || ':' || import_fingerprint[1:12] || ':' || source_row_id, ' ' ORDER BY source, import_id) AS source_row_ids,
    count(*) AS source_rows,
    min(started_at) AS started_at,
    max(ms_played) AS ms_played,
    bool_and(is_skip_row) AS is_skip,
    coalesce(bool_or(reason_end = 'trackdone'), false) AS completed,
    bool_and(timestamp_suspect) AS timestamp_suspect
  FROM ranked
  GROUP BY match_key, cluster_no
),
service_listens AS (
  SELECT
    md5(r.import_fingerprint || ':' || r.source_row_id) AS listen_id,
    t.track_id,
    t.path,
    CASE WHEN t.track_id IS NOT NULL THEN mt.confidence END AS match_confidence,
    t.track_id IS NULL AS listened_elsewhere,
    m.started_at AS played_at,
    m.ms_played,
    m.completed,
    m.is_skip,
    r.source,
    r.source_row_id,
    m.sources,
    m.source_rows,
    m.source_row_ids,
    r.artist,
    r.title,
    r.album,
    r.match_key,
    r.source_track_id,
    r.shuffle,
    r.offline,
    m.timestamp_suspect,
    t.tag_duration_s AS track_duration_s,
    r.import_fingerprint,
    i.file_name AS import_file,
    i.run_id
  FROM ranked r
  JOIN merged m ON m.match_key = r.match_key AND m.cluster_no = r.cluster_no
  JOIN raw.history_imports i ON i.import_id = r.import_id
  LEFT JOIN raw.track_matches mt ON mt.match_key = r.match_key
  LEFT JOIN bronze.tracks t ON t.path = mt.path
  WHERE r.pick = 1
)
SELECT * FROM service_listens
UNION ALL BY NAME
SELECT
  md5('player:' || e.track_id || ':' || CAST(e."at" AS VARCHAR)) AS listen_id,
  t.track_id,
  t.path,
  CASE WHEN t.track_id IS NOT NULL THEN 1.0 END AS match_confidence,
  t.track_id IS NULL AS listened_elsewhere,
  e."at" AS played_at,
  CAST(round(e.position_s * 1000) AS BIGINT) AS ms_played,
  e.event = 'play' AND t.tag_duration_s IS NOT NULL AND e.position_s >= t.tag_duration_s - 1 AS completed,
  e.event = 'skip' AS is_skip,
  e.source,
  CAST(e."at" AS VARCHAR) AS source_row_id,
  e.source AS sources,
  1 AS source_rows,
  e.source || ':' || CAST(e."at" AS VARCHAR) AS source_row_ids,
  t.artist,
  t.title,
  t.album,
  CAST(NULL AS VARCHAR) AS match_key,
  e.track_id AS source_track_id,
  CAST(NULL AS BOOLEAN) AS shuffle,
  false AS offline,
  false AS timestamp_suspect,
  t.tag_duration_s AS track_duration_s,
  CAST(NULL AS VARCHAR) AS import_fingerprint,
  CAST(NULL AS VARCHAR) AS import_file,
  CAST(NULL AS INTEGER) AS run_id
FROM raw.player_events e
LEFT JOIN bronze.tracks t ON t.track_id = e.track_id;
