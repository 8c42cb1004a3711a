-- Artists whose plays rose or fell most between the period before ($5 .. $1) and the period ($1 .. $2).
-- $1/$2 period (both set), $3 genre, $4 source, $5 start of the earlier period. Months are the grain.
WITH m AS (
  SELECT d.artist, m.month, m.listens FROM gold.dash_track_monthly m JOIN gold.dash_track_dims d ON d.track_id = m.track_id
  WHERE m.month BETWEEN date_trunc('month', CAST($5 AS DATE)) AND CAST($2 AS DATE)
    AND ($3 IS NULL OR m.genre = $3) AND ($4 IS NULL OR m.source = $4)
), c AS (
  SELECT coalesce(artist, '(no artist)') AS artist,
    CAST(coalesce(sum(listens) FILTER (WHERE month < date_trunc('month', CAST($1 AS DATE))), 0) AS BIGINT) AS before,
    CAST(coalesce(sum(listens) FILTER (WHERE month >= date_trunc('month', CAST($1 AS DATE))), 0) AS BIGINT) AS after
  FROM m GROUP BY 1
)
SELECT * FROM (SELECT 'riser' AS kind, *, after - before AS change FROM c ORDER BY change DESC, artist LIMIT 5)
UNION ALL
SELECT * FROM (SELECT 'faller' AS kind, *, after - before AS change FROM c ORDER BY change ASC, artist LIMIT 5);
