-- Where one track's values came from (the track page): the runs that built its gold and silver
-- rows, the tag read of its canonical file, the analysis of that file's content, the inputs of its
-- counters (silver.track_interactions) and the model behind its predicted rating. One row.
SELECT
  g.track_id,
  g.path,
  g.run_id AS gold_run_id,
  g.model AS gold_model,
  s.run_id AS silver_run_id,
  s.model AS silver_model,
  s.source_run_id AS tags_run_id,
  s.source_reader AS tag_reader,
  s.derived_fields, -- fields read from the folder and file name, for want of a tag
  g.genre,
  s.genre_tag, -- the genre as tagged, before meta.genre_aliases
  s.label_source,
  s.key AS key_tag,
  s.bpm_tag,
  s.rating_tag,
  s.play_count_tag,
  t.container,
  t.native_json AS tag_native_json, -- its top-level keys are the tag formats read (ID3v2.4, vorbis, iTunes...)
  CAST(t.read_at AS VARCHAR) AS tags_read_at,
  f.first_seen_run,
  CAST(f.first_seen_at AS VARCHAR) AS first_seen_at,
  f.fingerprint,
  a.analyser,
  a.analyser_version,
  a.run_id AS analysis_run_id,
  CAST(a.analysed_at AS VARCHAR) AS analysed_at,
  a.error AS analysis_error,
  a.duration_s IS NOT NULL AS duration_analysed,
  a.bpm IS NOT NULL AS bpm_analysed,
  a.key_tonic IS NOT NULL AS key_analysed,
  i.service_plays,
  i.service_skips,
  i.player_plays,
  i.player_skips,
  i.entry_plays,
  i.entry_skips,
  i.rating_source,
  p.model_run_id AS prediction_run_id,
  p.explanation AS prediction_explanation,
  CAST(m.trained_at AS VARCHAR) AS prediction_trained_at,
  m.rated_tracks AS prediction_rated_tracks,
  m.cv_mae AS prediction_cv_mae
FROM gold.track_facts g
LEFT JOIN silver.tracks s ON s.track_id = g.track_id
LEFT JOIN raw.tag_reads t ON t.path = g.path
LEFT JOIN raw.files f ON f.path = g.path
LEFT JOIN raw.analysis a ON a.path = g.path AND a.fingerprint IS NOT DISTINCT FROM g.fingerprint
LEFT JOIN silver.track_interactions i ON i.track_id = g.track_id
LEFT JOIN raw.rating_predictions p ON p.track_id = g.track_id
LEFT JOIN meta.rating_models m ON m.model_run_id = p.model_run_id
WHERE g.track_id = ?
