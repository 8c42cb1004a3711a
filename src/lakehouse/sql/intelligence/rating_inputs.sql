-- What the rating model learns from: every healthy track with its rating (NULL = to predict),
-- technical, descriptive and interaction columns, and the analyser's mean MFCC (timbre).
SELECT t.track_id, t.artist, t.title, t.rating, t.bpm, t.key, t.energy, t.danceability, t.loudness_lufs,
  t.duration_s, t.year, t.genre, t.play_count, t.skip_count, a.mfcc_mean
FROM gold.track_facts t
LEFT JOIN raw.analysis a ON a.path = t.path AND a.fingerprint IS NOT DISTINCT FROM t.fingerprint
WHERE t.error IS NULL
