-- model: gold.dash_track_usage
-- depends: gold.dash_track_dims, gold.dash_listens_daily
-- One row per track with how it is used, measured against the reference day (the last listen,
-- else the last addition: histories are often old exports, and the browser's clock would need
-- DuckDB's ICU extension, fetched at run time). The library-optimisation dashboard filters this
-- table instead of computing ages, rates and title normalisation on every view.
WITH ref AS (
  SELECT coalesce((SELECT max(day) FROM gold.dash_listens_daily), (SELECT max(first_seen_at)::DATE FROM gold.dash_track_dims)) AS today
), t AS (
  SELECT d.track_id, d.artist, d.title, d.genre, d.play_count, d.rating, d.last_played_at,
    greatest(date_diff('day', d.first_seen_at::DATE, ref.today), 1) AS days_in_library,
    date_diff('day', d.last_played_at::DATE, ref.today) AS days_since_played,
    -- One song in several versions: one artist, and a title equal once bracketed suffixes
    -- ("(Remastered)", "[Live]") and case are set aside.
    CASE WHEN d.artist IS NOT NULL AND d.title IS NOT NULL
      THEN lower(d.artist) || chr(31) || trim(regexp_replace(lower(d.title), '\s*[\(\[][^\)\]]*[\)\]]', '', 'g')) END AS song_key
  FROM gold.dash_track_dims d CROSS JOIN ref
)
SELECT
  track_id,
  artist,
  title,
  genre,
  play_count,
  rating,
  last_played_at,
  days_in_library, -- days from first seen to the reference day, at least 1
  days_since_played, -- days from the last play to the reference day; NULL when never played
  round(play_count * 30.0 / days_in_library, 3) AS plays_per_30_days,
  -- 'never' played, or 'rarely': under one play per 120 days after at least 60 days in the library
  CASE WHEN play_count = 0 THEN 'never' WHEN days_in_library >= 60 AND play_count * 120.0 / days_in_library < 1 THEN 'rarely' END AS use_kind,
  -- rated 4 or more and not played in the 180 days before the reference day (or never)
  coalesce(rating >= 4 AND (days_since_played IS NULL OR days_since_played > 180), false) AS unplayed_favourite,
  song_key, -- lower-case artist and title without bracketed suffixes; NULL without both
  CASE WHEN song_key IS NOT NULL THEN count(*) OVER (PARTITION BY song_key) END AS song_versions, -- tracks sharing the song_key
  CAST(getvariable('wolfie_run_id') AS INTEGER) AS run_id,
  'gold.dash_track_usage' AS model
FROM t;
