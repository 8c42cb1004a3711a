-- model: silver.track_interactions
-- depends: bronze.tracks, silver.track_files, silver.listens, silver.library_entries, silver.ratings
-- Per library track (one row per track, not per file: listens and entries of a duplicate file
-- carry its track's id): plays, skips, rating and last play, from every source. Counters from services
-- and other players overlap (a play in iTunes was often scrobbled to Last.fm too), so the largest
-- of them is taken, not their sum; plays in Wolfie's own player are new and add on top.
-- The one definition of a track's all-time plays, skips, rating and last play: gold.track_facts
-- copies it, and every page reads it there. A play is a listen of 30 s or more (skips are not
-- plays); listens with placeholder dates count, but never as the last play. Plays in a period are
-- gold.daily_track_listens, which only dated listens reach, and which has no undated counters.
-- Runs build it whole; the interactions step (lakehouse/interactions) re-derives the rows of the
-- tracks a person just rated or played (wolfie_full false, their ids in changed_keys).
WITH heard AS (
  SELECT track_id,
    count(*) FILTER (WHERE NOT is_skip AND source <> 'wolfie-player') AS service_plays,
    count(*) FILTER (WHERE is_skip AND source <> 'wolfie-player') AS service_skips,
    count(*) FILTER (WHERE NOT is_skip AND source = 'wolfie-player') AS player_plays,
    count(*) FILTER (WHERE is_skip AND source = 'wolfie-player') AS player_skips,
    max(played_at) FILTER (WHERE NOT is_skip AND NOT timestamp_suspect) AS last_listen_at
  FROM silver.listens
  WHERE track_id IS NOT NULL AND (getvariable('wolfie_full') OR track_id IN (SELECT key FROM changed_keys))
  GROUP BY track_id
),
entries AS (
  SELECT track_id, max(play_count) AS entry_plays, max(skip_count) AS entry_skips, max(last_played_at) AS entry_last_played_at
  FROM silver.library_entries
  WHERE track_id IS NOT NULL AND (getvariable('wolfie_full') OR track_id IN (SELECT key FROM changed_keys))
  GROUP BY track_id
),
rated AS (
  SELECT track_id, arg_min(rating, precedence) AS rating, arg_min(source, precedence) AS rating_source
  FROM silver.ratings
  WHERE getvariable('wolfie_full') OR track_id IN (SELECT key FROM changed_keys)
  GROUP BY track_id
)
SELECT
  b.track_id,
  greatest(coalesce(h.service_plays, 0), coalesce(e.entry_plays, 0), coalesce(b.play_count_tag, 0)) + coalesce(h.player_plays, 0) AS play_count,
  greatest(coalesce(h.service_skips, 0), coalesce(e.entry_skips, 0)) + coalesce(h.player_skips, 0) AS skip_count,
  r.rating,
  r.rating_source,
  CASE WHEN h.last_listen_at IS NULL THEN e.entry_last_played_at
       WHEN e.entry_last_played_at IS NULL THEN h.last_listen_at
       ELSE greatest(h.last_listen_at, e.entry_last_played_at) END AS last_played_at,
  coalesce(h.service_plays, 0) AS service_plays,
  coalesce(h.service_skips, 0) AS service_skips,
  coalesce(h.player_plays, 0) AS player_plays,
  coalesce(h.player_skips, 0) AS player_skips,
  e.entry_plays,
  e.entry_skips,
  b.play_count_tag -- the canonical file's play counter tag
FROM bronze.tracks b
-- The canonical file: its id is the track's.
JOIN silver.track_files tf ON tf.path = b.path AND tf.is_canonical
LEFT JOIN heard h ON h.track_id = b.track_id
LEFT JOIN entries e ON e.track_id = b.track_id
LEFT JOIN rated r ON r.track_id = b.track_id
WHERE (getvariable('wolfie_full') OR b.track_id IN (SELECT key FROM changed_keys))
  AND (h.track_id IS NOT NULL OR e.track_id IS NOT NULL OR r.track_id IS NOT NULL OR b.play_count_tag IS NOT NULL)
