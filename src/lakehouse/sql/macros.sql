-- Text and key helpers the silver models share. Re-created before every model run, so a change
-- here reaches the next build without a migration.

-- A numeric character reference's code point as text; NULL for code points chr() refuses.
CREATE OR REPLACE MACRO silver.entity_char(code) AS
  CASE WHEN code BETWEEN 1 AND 1114111 AND code NOT BETWEEN 55296 AND 57343 THEN chr(code) END;

-- HTML entities as some taggers write them: numeric (&#233; &#xE9;) first, then the named ones,
-- &amp; last so '&amp;lt;' stays '&lt;' as its author meant.
CREATE OR REPLACE MACRO silver.decode_entities(s) AS
  CASE WHEN s IS NULL OR strpos(s, '&') = 0 THEN s ELSE
    replace(replace(replace(replace(replace(replace(replace(
      array_to_string(list_transform(string_split(s, '&#'), (p, i) -> CASE
        WHEN i = 1 THEN p
        WHEN regexp_matches(p, '^[0-9]{1,7};')
          THEN coalesce(silver.entity_char(CAST(regexp_extract(p, '^([0-9]+);', 1) AS INTEGER)) || substr(p, strpos(p, ';') + 1), '&#' || p)
        WHEN regexp_matches(p, '^[xX][0-9a-fA-F]{1,6};')
          THEN coalesce(silver.entity_char(CAST('0x' || regexp_extract(p, '^[xX]([0-9a-fA-F]+);', 1) AS INTEGER)) || substr(p, strpos(p, ';') + 1), '&#' || p)
        ELSE '&#' || p END), ''),
      '&quot;', '"'), '&apos;', ''''), '&lt;', '<'), '&gt;', '>'), '&nbsp;', ' '), '&#39;', ''''), '&amp;', '&')
  END;

-- Decoded, Unicode NFC, every run of whitespace (also no-break and ideographic spaces) one space,
-- trimmed; empty becomes NULL.
CREATE OR REPLACE MACRO silver.clean_text(s) AS
  nullif(trim(regexp_replace(nfc_normalize(silver.decode_entities(s)), '[\s\x{00A0}\x{2000}-\x{200B}\x{202F}\x{3000}\x{FEFF}]+', ' ', 'g')), '');

-- A list of names without repeats up to case, the first spelling kept, in order (list_distinct
-- does not keep the order).
CREATE OR REPLACE MACRO silver.distinct_in_order(l) AS list_filter(l, (x, i) -> list_position(list_transform(l, y -> lower(y)), lower(x)) = i);

-- The lookup key of a genre spelling (see meta.genre_aliases).
CREATE OR REPLACE MACRO silver.alias_key(s) AS regexp_replace(lower(s), '[^a-z0-9]+', '', 'g');

-- Pitch class of a tonic letter and accidental, C = 0.
CREATE OR REPLACE MACRO silver.pitch_class(letter, accidental) AS
  ((CASE upper(letter) WHEN 'C' THEN 0 WHEN 'D' THEN 2 WHEN 'E' THEN 4 WHEN 'F' THEN 5 WHEN 'G' THEN 7 WHEN 'A' THEN 9 WHEN 'B' THEN 11 END)
   + CASE WHEN accidental IN ('#', '♯') THEN 1 WHEN accidental IN ('b', '♭') THEN -1 ELSE 0 END + 12) % 12;

-- The one spelling per pitch class that src/domain/key.ts uses.
CREATE OR REPLACE MACRO silver.tonic_name(pc) AS ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'][pc + 1];

-- A key tag ('Am', 'F#m', 'Ebmaj', 'C major', 'a', Camelot '8A', Open Key '1m') as '<tonic> <major|minor>'
-- (src/domain/key.ts parseKey, in SQL). NULL when the text is not a key.
CREATE OR REPLACE MACRO silver.key_parse(s) AS
  CASE
    WHEN regexp_matches(s, '^(1[0-2]|[1-9])\s*[ABab]$') THEN
      silver.tonic_name(((CASE WHEN upper(right(s, 1)) = 'A' THEN 8 ELSE 11 END) + (CAST(regexp_extract(s, '^(\d+)', 1) AS INTEGER) - 1) * 7) % 12)
      || CASE WHEN upper(right(s, 1)) = 'A' THEN ' minor' ELSE ' major' END
    WHEN regexp_matches(s, '^(1[0-2]|[1-9])\s*[mdMD]$') THEN
      silver.tonic_name(((CASE WHEN lower(right(s, 1)) = 'm' THEN 9 ELSE 0 END) + (CAST(regexp_extract(s, '^(\d+)', 1) AS INTEGER) - 1) * 7) % 12)
      || CASE WHEN lower(right(s, 1)) = 'm' THEN ' minor' ELSE ' major' END
    WHEN regexp_matches(s, '^[A-Ga-g]\s*[#♯b♭]?\s*([Mm]ajor|[Mm]aj|[Mm]inor|[Mm]in|m|M)?$') THEN
      silver.tonic_name(silver.pitch_class(left(s, 1), regexp_extract(s, '^[A-Ga-g]\s*([#♯b♭]?)', 1)))
      || CASE
           WHEN regexp_extract(s, '([Mm]ajor|[Mm]aj|[Mm]inor|[Mm]in|m|M)$', 1) IN ('m', 'min', 'Min', 'minor', 'Minor') THEN ' minor'
           WHEN regexp_extract(s, '([Mm]ajor|[Mm]aj|[Mm]inor|[Mm]in|m|M)$', 1) <> '' THEN ' major'
           WHEN left(s, 1) = lower(left(s, 1)) THEN ' minor'
           ELSE ' major' END
  END;
CREATE OR REPLACE MACRO silver.key_from_tag(k) AS silver.key_parse(trim(k));

-- A label tag's value, unless it is a copyright or licence line or a web address: some taggers
-- put those in the publisher field, and they say who owns a recording, not who released it.
CREATE OR REPLACE MACRO silver.label_value(s) AS
  CASE WHEN NOT regexp_matches(silver.clean_text(s),
    '(?i)https?:|www\.|\(\s*[cp]\s*\)|©|℗|copyright|licen[cs]|creative\s*commons|\bcc[- ]by\b|all rights reserved|public domain')
  THEN silver.clean_text(s) END;

-- Names read from where a file lies, for the files whose tags say nothing: the file name without
-- extension, underscores read as spaces ('01_my_song.flac' -> '01 my song').
CREATE OR REPLACE MACRO silver.file_stem(path) AS
  trim(regexp_replace(regexp_replace(regexp_extract(path, '([^/]+?)(\.[^./]+)?$', 1), '_+', ' ', 'g'), '\s+', ' ', 'g'));

-- What a file name says: 'NN - Artist - Title', 'NN - Title' (also 'NN. Title', 'NN Title'),
-- 'Artist - Title', else the whole name is the title. A number of four digits is a year, not a track.
CREATE OR REPLACE MACRO silver.name_parts(stem) AS
  CASE
    WHEN regexp_matches(stem, '^(\d{1,3})(?:\s*[-.)]\s*|\s+)(.+?)\s+-\s+(.+)$') THEN {
      'track_no': TRY_CAST(regexp_extract(stem, '^(\d{1,3})', 1) AS INTEGER),
      'artist': regexp_extract(stem, '^(\d{1,3})(?:\s*[-.)]\s*|\s+)(.+?)\s+-\s+(.+)$', 2),
      'title': regexp_extract(stem, '^(\d{1,3})(?:\s*[-.)]\s*|\s+)(.+?)\s+-\s+(.+)$', 3)}
    WHEN regexp_matches(stem, '^(\d{1,3})(?:\s*[-.)]\s*|\s+)(\D.*)$') THEN {
      'track_no': TRY_CAST(regexp_extract(stem, '^(\d{1,3})', 1) AS INTEGER),
      'artist': NULL::VARCHAR,
      'title': regexp_extract(stem, '^(\d{1,3})(?:\s*[-.)]\s*|\s+)(\D.*)$', 2)}
    WHEN regexp_matches(stem, '^(.+?)\s+-\s+(.+)$') THEN {
      'track_no': NULL::INTEGER,
      'artist': regexp_extract(stem, '^(.+?)\s+-\s+(.+)$', 1),
      'title': regexp_extract(stem, '^(.+?)\s+-\s+(.+)$', 2)}
    ELSE {'track_no': NULL::INTEGER, 'artist': NULL::VARCHAR, 'title': nullif(stem, '')}
  END;

-- The folders above a file, nearest first: never the chosen folder itself, and without the
-- 'CD 1' / 'Disc 2' level of multi-disc albums, so 'Artist/Album/CD 1/01 Title' still names both.
CREATE OR REPLACE MACRO silver.path_folders(path) AS
  list_reverse(list_filter(string_split(path, '/')[2:-2], f -> NOT regexp_matches(f, '(?i)^\s*(?:cd|dis[ck])\s*\d+\s*$')));

-- The rating a person last set in Wolfie, per track (a cleared rating is no row): used by the
-- model silver.ratings and by the interactions step.
CREATE OR REPLACE MACRO silver.user_rating_rows() AS TABLE
WITH user_latest AS (
  -- arg_max_null: a cleared rating (NULL) is the latest word, which arg_max would skip over.
  SELECT track_id, arg_max_null(rating, rated_at) AS rating, max(rated_at) AS rated_at, arg_max(source, rated_at) AS via
  FROM raw.user_ratings
  GROUP BY track_id
)
SELECT track_id, 'user' AS source, rating, rated_at, 1 AS precedence, 'raw.user_ratings via ' || via AS provenance,
       CAST(NULL AS VARCHAR) AS import_fingerprint, 1.0 AS match_confidence
FROM user_latest WHERE rating IS NOT NULL;
