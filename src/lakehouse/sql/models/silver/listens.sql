-- model: silver.listens
-- depends: raw.listens, raw.history_imports, raw.track_matches, raw.player_events, bronze.tracks, silver.track_files
-- One row per listen, whoever recorded it. Rows of the same recording (same match key) from
-- different import files that started within 2 minutes of each other are one listen carrying
-- every source (Spotify + Last.fm scrobbling the same play; overlapping exports). Rows of one file
-- are never merged: each is its own event. Matched to a library track through raw.track_matches;
-- the unmatched stay, flagged listened_elsewhere ("listened elsewhere, not in your library").
-- track_id is the track's id (silver.track_files), not the matched file's: a listen matched to a
-- duplicate file is a listen of the track that file holds, like the gold row it counts towards.
-- Plays and skips in Wolfie's player are added at once by the interactions step, through the
-- macro silver.player_listen_rows defined here (here, not in macros.sql: it reads bronze.tracks,
-- which a first build creates only after the macros).

-- One listen per event of Wolfie's own player (its track id is a file's id: the track's, when played).
CREATE OR REPLACE MACRO silver.player_listen_rows() AS TABLE
SELECT
  md5('player:' || e.track_id || ':' || CAST(e."at" AS VARCHAR)) AS listen_id,
  tf.track_id,
  t.path,
  CASE WHEN tf.track_id IS NOT NULL THEN 1.0 END AS match_confidence,
  tf.track_id IS NULL AS listened_elsewhere,
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
LEFT JOIN silver.track_files tf ON tf.file_id = e.track_id
LEFT JOIN bronze.tracks t ON t.path = tf.path;

CREATE OR REPLACE TABLE silver.listens AS
WITH service AS (
  SELECT l.rowid AS rid, l.*,
    -- Spotify stamps the end of a play, Last.fm its start: compare starts.
    CASE WHEN l.source = 'spotify' AND l.ms_played IS NOT NULL THEN l.played_at - to_milliseconds(l.ms_played) ELSE l.played_at END AS started_at,
    -- A play counts from 30 s (Last.fm's scrobble rule, and our player's); Spotify's own flag also makes a skip.
    (coalesce(l.skipped, false) OR coalesce(l.ms_played < 30000, false)) AS is_skip_row
  FROM raw.listens l
),
neighbours AS (
  -- On narrow rows (a window over the wide ones costs several times more): does the previous or
  -- next listen of the same recording come from another file within 2 minutes?
  SELECT rid,
    coalesce(lag(import_id) OVER w <> import_id AND started_at - lag(started_at) OVER w <= INTERVAL 2 MINUTE, false) AS joins_prev,
    coalesce(lead(import_id) OVER w <> import_id AND lead(started_at) OVER w - started_at <= INTERVAL 2 MINUTE, false) AS joins_next
  FROM (SELECT rid, match_key, import_id, source_row_id, started_at FROM service)
  WINDOW w AS (PARTITION BY match_key ORDER BY started_at, import_id, source_row_id)
),
partnered AS (
  SELECT rid, joins_prev FROM neighbours WHERE joins_prev OR joins_next
),
single AS (
  -- Most listens have no partner: one row, one listen, no grouping.
  SELECT s.*, source AS sources, 1 AS source_rows, source || ':' || import_fingerprint[1:12] || ':' || source_row_id AS source_row_ids,
    is_skip_row AS is_skip, coalesce(reason_end = 'trackdone', false) AS completed
  FROM service s ANTI JOIN partnered p ON p.rid = s.rid
),
clustered AS (
  SELECT s.*, p.joins_prev,
    sum(CASE WHEN p.joins_prev THEN 0 ELSE 1 END) OVER (PARTITION BY s.match_key ORDER BY s.started_at, s.import_id, s.source_row_id ROWS UNBOUNDED PRECEDING) AS cluster_no
  FROM service s JOIN partnered p ON p.rid = s.rid
),
ranked AS (
  -- The representative row of a merged listen: the one that knows how long it played (Spotify), else the earliest.
  SELECT *, row_number() OVER (PARTITION BY match_key, cluster_no ORDER BY (ms_played IS NULL), started_at, import_id, source_row_id) AS pick
  FROM clustered
),
merged AS (
  SELECT match_key, cluster_no,
    array_to_string(list_sort(list_distinct(list(source))), '+') AS sources,
    count(*) AS source_rows,
    string_agg(source || ':' || import_fingerprint[1:12] || ':' || source_row_id, ' ' ORDER BY source, import_id) AS source_row_ids,
    min(started_at) AS first_started_at,
    max(ms_played) AS max_ms_played,
    bool_and(is_skip_row) AS is_skip,
    coalesce(bool_or(reason_end = 'trackdone'), false) AS completed,
    bool_and(timestamp_suspect) AS all_suspect
  FROM clustered
  GROUP BY match_key, cluster_no
),
conformed AS (
  SELECT * EXCLUDE (rid, is_skip_row) FROM single
  UNION ALL BY NAME
  SELECT r.* EXCLUDE (rid, joins_prev, is_skip_row, cluster_no, pick, started_at, ms_played, timestamp_suspect),
    m.first_started_at AS started_at, m.max_ms_played AS ms_played, m.all_suspect AS timestamp_suspect,
    m.sources, m.source_rows, m.source_row_ids, m.is_skip, m.completed
  FROM ranked r JOIN merged m ON m.match_key = r.match_key AND m.cluster_no = r.cluster_no
  WHERE r.pick = 1
),
service_listens AS (
  SELECT
    md5(r.import_fingerprint || ':' || r.source_row_id) AS listen_id,
    tf.track_id,
    t.path, -- the file the listen matched (one of the track's files)
    CASE WHEN tf.track_id IS NOT NULL THEN mt.confidence END AS match_confidence,
    tf.track_id IS NULL AS listened_elsewhere,
    r.started_at AS played_at,
    r.ms_played,
    r.completed,
    r.is_skip,
    r.source,
    r.source_row_id,
    r.sources,
    r.source_rows,
    r.source_row_ids,
    r.artist,
    r.title,
    r.album,
    r.match_key,
    r.source_track_id,
    r.shuffle,
    r.offline,
    r.timestamp_suspect,
    t.tag_duration_s AS track_duration_s,
    r.import_fingerprint,
    i.file_name AS import_file,
    i.run_id
  FROM conformed r
  JOIN raw.history_imports i ON i.import_id = r.import_id
  LEFT JOIN raw.track_matches mt ON mt.match_key = r.match_key
  LEFT JOIN bronze.tracks t ON t.path = mt.path
  LEFT JOIN silver.track_files tf ON tf.path = t.path
)
SELECT * FROM service_listens
UNION ALL BY NAME
SELECT * FROM silver.player_listen_rows(); -- the player's own plays and skips (the macro above)
