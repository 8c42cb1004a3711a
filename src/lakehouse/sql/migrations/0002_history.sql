-- Listening history: imported export files and their records, the built-in player's plays and
-- skips, and ratings set in the app. Personal fields (IP address, user agent, user name, country)
-- are never read by the parsers, so they have no column here.

-- One row per imported export file. The SHA-256 of its bytes is unique: importing the same file
-- again (also renamed, or as an entry of a zip) adds nothing.
CREATE TABLE raw.history_imports (
  import_id INTEGER PRIMARY KEY,
  fingerprint VARCHAR NOT NULL UNIQUE,
  file_name VARCHAR NOT NULL,         -- as chosen; 'export.zip/Streaming_History_Audio_2023.json' inside a zip
  format VARCHAR NOT NULL,            -- detected from the bytes, e.g. 'spotify-extended-json'
  run_id INTEGER NOT NULL,
  imported_at TIMESTAMP NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_kept BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  rejected_sample VARCHAR             -- up to 100 'record 12 (line 40): reason' lines, '\n'-separated
);

-- Plays from streaming services, as the export recorded them. match_key is the normalised
-- artist/title computed in TypeScript (src/domain/match.ts) when the row was loaded.
CREATE TABLE raw.listens (
  import_id INTEGER NOT NULL,         -- raw.history_imports: file, fingerprint, run
  import_fingerprint VARCHAR NOT NULL,
  source VARCHAR NOT NULL,            -- 'spotify' | 'lastfm'
  source_row_id VARCHAR NOT NULL,     -- record number within the file
  played_at TIMESTAMP NOT NULL,       -- UTC; end of play for Spotify, start for Last.fm
  ms_played BIGINT,
  artist VARCHAR,
  title VARCHAR,
  album VARCHAR,
  skipped BOOLEAN,
  reason_start VARCHAR,
  reason_end VARCHAR,
  shuffle BOOLEAN,
  offline BOOLEAN,
  timestamp_suspect BOOLEAN NOT NULL, -- placeholder dates (Last.fm 1970): kept, never trusted
  source_track_id VARCHAR,            -- Spotify track URI, Last.fm MBID
  match_key VARCHAR NOT NULL
);

-- Track entries of another player's library (iTunes / Apple Music, rekordbox): counters and
-- ratings as of that export.
CREATE TABLE raw.library_entries (
  import_id INTEGER NOT NULL,
  import_fingerprint VARCHAR NOT NULL,
  source VARCHAR NOT NULL,            -- 'itunes' | 'rekordbox'
  source_row_id VARCHAR NOT NULL,     -- Persistent ID / TrackID
  artist VARCHAR,
  title VARCHAR,
  album VARCHAR,
  duration_s DOUBLE,
  location VARCHAR,
  play_count INTEGER,
  skip_count INTEGER,
  last_played_at TIMESTAMP,
  last_skipped_at TIMESTAMP,
  date_added TIMESTAMP,
  rating DOUBLE,                      -- normalised 0..5
  loved BOOLEAN,
  bpm DOUBLE,
  key_text VARCHAR,                   -- as the source wrote it (rekordbox Tonality): a second opinion
  match_key VARCHAR NOT NULL
);

-- Entity resolution, computed in TypeScript with the same normaliser and confidence as the
-- tests pin (src/domain/match.ts): each listen/entry match_key to its best library track.
-- Rebuilt whole by every import run; listens whose key has no row are 'listened elsewhere'.
CREATE TABLE raw.track_matches (
  match_key VARCHAR PRIMARY KEY,
  path VARCHAR NOT NULL,              -- raw.files.path of the matched track
  confidence DOUBLE NOT NULL,         -- 0..1, at or above MATCH_THRESHOLD
  resolved_run INTEGER NOT NULL
);

-- The app's own player: a play counts at 30 s or half the track, stopping earlier is a skip.
CREATE TABLE raw.player_events (
  track_id VARCHAR NOT NULL,
  event VARCHAR NOT NULL CHECK (event IN ('play', 'skip')),
  position_s DOUBLE NOT NULL,         -- how far it played when the event was decided
  "at" TIMESTAMP NOT NULL,            -- UTC, when playback started ("at" is a keyword: quote it)
  source VARCHAR NOT NULL             -- 'wolfie-player'
);

-- Ratings set in the app (never written to the files). The latest row per track wins; a NULL
-- rating clears it.
CREATE TABLE raw.user_ratings (
  track_id VARCHAR NOT NULL,
  rating DOUBLE CHECK (rating IS NULL OR (rating >= 0 AND rating <= 5)),
  rated_at TIMESTAMP NOT NULL,
  source VARCHAR NOT NULL             -- 'track-page' | 'library-table'
);
