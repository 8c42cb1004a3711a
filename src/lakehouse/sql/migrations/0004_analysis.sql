-- Key notations for the analysed keys: one row per key with its Camelot and Open Key codes
-- (generated from src/domain/key.ts; tests/integration/key-notation.test.ts keeps them equal).
CREATE TABLE meta.key_notation (
  tonic VARCHAR NOT NULL,
  mode VARCHAR NOT NULL,
  key_name VARCHAR PRIMARY KEY,   -- '<tonic> <major|minor>', the contract's notation
  camelot VARCHAR NOT NULL,       -- e.g. '8A'
  open_key VARCHAR NOT NULL       -- e.g. '1m'
);
INSERT INTO meta.key_notation VALUES
  ('C', 'major', 'C major', '8B', '1d'),
  ('C', 'minor', 'C minor', '5A', '10m'),
  ('C#', 'major', 'C# major', '3B', '8d'),
  ('C#', 'minor', 'C# minor', '12A', '5m'),
  ('D', 'major', 'D major', '10B', '3d'),
  ('D', 'minor', 'D minor', '7A', '12m'),
  ('Eb', 'major', 'Eb major', '5B', '10d'),
  ('Eb', 'minor', 'Eb minor', '2A', '7m'),
  ('E', 'major', 'E major', '12B', '5d'),
  ('E', 'minor', 'E minor', '9A', '2m'),
  ('F', 'major', 'F major', '7B', '12d'),
  ('F', 'minor', 'F minor', '4A', '9m'),
  ('F#', 'major', 'F# major', '2B', '7d'),
  ('F#', 'minor', 'F# minor', '11A', '4m'),
  ('G', 'major', 'G major', '9B', '2d'),
  ('G', 'minor', 'G minor', '6A', '11m'),
  ('Ab', 'major', 'Ab major', '4B', '9d'),
  ('Ab', 'minor', 'Ab minor', '1A', '6m'),
  ('A', 'major', 'A major', '11B', '4d'),
  ('A', 'minor', 'A minor', '8A', '1m'),
  ('Bb', 'major', 'Bb major', '6B', '11d'),
  ('Bb', 'minor', 'Bb minor', '3A', '8m'),
  ('B', 'major', 'B major', '1B', '6d'),
  ('B', 'minor', 'B minor', '10A', '3m');
