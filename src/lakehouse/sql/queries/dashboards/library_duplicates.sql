-- Same audio in several files (gold.duplicate_files), and the same song in several versions
-- (tracks sharing gold.dash_track_usage.song_key: one artist, a title equal once bracketed
-- suffixes and case are set aside). $1 genre (versions only; files have no genre of their own).
SELECT 'same audio' AS kind, artist, title, count(*) AS copies, string_agg(path, ' | ' ORDER BY is_canonical DESC, path) AS detail,
  CAST(sum(reclaimable_bytes) AS BIGINT) AS reclaimable_bytes
FROM gold.duplicate_files GROUP BY track_id, artist, title
UNION ALL
SELECT 'versions', any_value(artist), any_value(title), count(*), string_agg(title, ' | ' ORDER BY title), NULL
FROM gold.dash_track_usage
WHERE song_versions > 1 AND ($1 IS NULL OR genre = $1)
GROUP BY song_key
HAVING count(*) > 1
ORDER BY kind, copies DESC, artist
LIMIT 200;
