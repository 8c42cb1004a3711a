-- Artists whose plays rose or fell most between the period before ($5 .. the day before $1) and
-- the period ($1 .. $2), day by day from gold.daily_track_listens (recordings outside the library
-- by the history's artist). $1/$2 period (both set), $3 genre, $4 source, $5 start of the earlier period.
WITH m AS (
  SELECT coalesce(track_id, recording_key) AS heard_key,
    sum(listens) FILTER (WHERE day < CAST($1 AS DATE)) AS before, sum(listens) FILTER (WHERE day >= CAST($1 AS DATE)) AS after
  FROM gold.daily_track_listens
  WHERE day BETWEEN CAST($5 AS DATE) AND CAST($2 AS DATE)
    AND ($3 IS NULL OR genre = $3) AND ($4 IS NULL OR source = $4)
  GROUP BY 1
), c AS (
  SELECT coalesce(t.artist, '(no artist)') AS artist,
    CAST(coalesce(sum(m.before), 0) AS BIGINT) AS before, CAST(coalesce(sum(m.after), 0) AS BIGINT) AS after
  FROM m JOIN gold.listened_tracks t ON coalesce(t.track_id, t.recording_key) = m.heard_key
  GROUP BY 1
)
SELECT * FROM (SELECT 'riser' AS kind, *, after - before AS change FROM c ORDER BY change DESC, artist LIMIT 5)
UNION ALL
SELECT * FROM (SELECT 'faller' AS kind, *, after - before AS change FROM c ORDER BY change ASC, artist LIMIT 5);
