-- Listens that match no library track ("listened elsewhere, not in your library"), most played first.
SELECT artist, title, count(*) AS listens, max(played_at) AS last_played_at
FROM silver.listens
WHERE listened_elsewhere AND NOT is_skip
GROUP BY artist, title
ORDER BY listens DESC, artist, title
LIMIT 20
