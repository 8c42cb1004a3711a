-- Intelligence (issue 7): saved smart playlists, saved generated playlists, and the rating model's
-- predictions with their explanations. Person-made and model-made data, kept in raw like
-- raw.user_ratings so gold can be rebuilt from it at any time.

-- A smart playlist is its rules (JSON of src/domain/playlist-rules.ts SmartPlaylist), not its
-- tracks: it is evaluated against gold.track_facts when shown, so every pipeline run refreshes it.
CREATE TABLE raw.smart_playlists (
  playlist_id INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL UNIQUE,
  rules_json VARCHAR NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT now(),
  updated_at TIMESTAMP NOT NULL DEFAULT now()
);
CREATE SEQUENCE raw.smart_playlist_ids START 1;

-- A generated (or hand-edited) playlist: an ordered list of tracks.
CREATE TABLE raw.playlists (
  playlist_id INTEGER PRIMARY KEY,
  name VARCHAR NOT NULL,
  settings_json VARCHAR,             -- the generator's options, to regenerate later
  created_at TIMESTAMP NOT NULL DEFAULT now()
);
CREATE SEQUENCE raw.playlist_ids START 1;
CREATE TABLE raw.playlist_tracks (
  playlist_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  track_id VARCHAR NOT NULL,
  locked BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (playlist_id, position)
);

-- The rating model's output, replaced whole at every training (see src/lakehouse/predictions.ts);
-- gold.track_facts.predicted_rating reads it.
CREATE TABLE raw.rating_predictions (
  track_id VARCHAR PRIMARY KEY,
  predicted_rating DOUBLE NOT NULL,  -- 0..5 stars
  explanation VARCHAR,               -- a sentence: why this rating
  similar_json VARCHAR,              -- the most similar highly rated tracks: [{track_id, artist, title, rating, similarity}]
  model_run_id INTEGER NOT NULL
);

-- One row per training: how well the model does on the person's own ratings.
CREATE TABLE meta.rating_models (
  model_run_id INTEGER PRIMARY KEY,
  trained_at TIMESTAMP NOT NULL DEFAULT now(),
  rated_tracks INTEGER NOT NULL,
  status VARCHAR NOT NULL,           -- 'trained' or 'too-few-ratings'
  cv_mae DOUBLE,                     -- 5-fold cross-validated mean absolute error, stars
  baseline_mae DOUBLE,               -- always predicting the mean rating, same folds
  predicted_tracks INTEGER,
  features VARCHAR,                  -- the feature names, comma-separated
  library VARCHAR                    -- the ML library and version that trained it
);
