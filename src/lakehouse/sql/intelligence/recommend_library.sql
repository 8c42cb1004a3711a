-- The library in attribute space for the recommender: one row per healthy track with its facets'
-- source columns and the analyser's mean MFCC (clustered into timbre groups in TypeScript).
SELECT t.track_id, t.artist, t.title, t.key, t.bpm, t.year, t.genre, t.label, t.energy, a.mfcc_mean
FROM gold.track_facts t
LEFT JOIN raw.analysis a ON a.path = t.path AND a.fingerprint IS NOT DISTINCT FROM t.fingerprint
WHERE t.error IS NULL
