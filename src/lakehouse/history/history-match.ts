// Entity resolution for listening history: each distinct match key of raw.listens and
// raw.library_entries against the library's tracks, with the TypeScript normaliser and confidence
// (src/domain/match.ts), written whole to raw.track_matches. Runs in TypeScript rather than SQL so
// tracks and listens go through one normaliser, not two that could drift apart.
import { artistNames, bestMatch, normaliseTitle, type MatchSide } from '../../domain/match';
import type { SqlClient } from '../engine/sql-client';
import { withStaged } from '../runs/staging';

interface Track extends MatchSide {
  path: string;
}

interface KeyRow {
  match_key: string;
  artist: string | null;
  title: string | null;
  album: string | null;
  duration_s: number | null;
}

const TRACKS = `SELECT f.path, t.artist, t.title, t.album, t.duration_s AS "durationS"
  FROM raw.files f JOIN raw.tag_reads t USING (path)
  WHERE f.deleted_at IS NULL AND nullif(trim(t.title), '') IS NOT NULL`;

// One spelling per key is enough to score it: the key already folds the spellings together.
const KEYS = `SELECT match_key, any_value(artist) AS artist, any_value(title) AS title, mode(album) AS album, max(duration_s) AS duration_s
  FROM (SELECT match_key, artist, title, album, CAST(NULL AS DOUBLE) AS duration_s FROM raw.listens
        UNION ALL SELECT match_key, artist, title, album, duration_s FROM raw.library_entries)
  GROUP BY match_key`;

export interface MatchStats {
  keys: number;
  matched: number;
  tracks: number;
}

export async function resolveMatches(sql: SqlClient, runId: number): Promise<MatchStats> {
  const tracks = await sql.query<Track & { [k: string]: unknown }>(TRACKS);
  const keys = await sql.query<KeyRow & { [k: string]: unknown }>(KEYS);
  const matches = matchKeys(tracks, keys);
  await sql.transaction(async () => {
    await sql.exec('DELETE FROM raw.track_matches');
    if (!matches.length) return;
    await withStaged(sql, matches, { match_key: 'text', path: 'text', confidence: 'float' }, (stage) =>
      sql.query(`INSERT INTO raw.track_matches SELECT match_key, path, confidence, CAST(? AS INTEGER) FROM ${stage}`, [runId]),
    );
  });
  return { keys: keys.length, matched: matches.length, tracks: tracks.length };
}

/**
 * Blocking: a key is scored only against tracks sharing its normalised title or its first
 * credited artist, which catches spelling variants on either side without comparing all pairs.
 */
export function matchKeys(tracks: readonly Track[], keys: readonly KeyRow[]): { match_key: string; path: string; confidence: number }[] {
  const byTitle = new Map<string, Track[]>();
  const byArtist = new Map<string, Track[]>();
  const push = (m: Map<string, Track[]>, k: string, t: Track) => {
    if (k === '') return;
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  };
  for (const t of tracks) {
    push(byTitle, normaliseTitle(t.title), t);
    for (const a of artistNames(t.artist)) push(byArtist, a, t);
  }
  const out: { match_key: string; path: string; confidence: number }[] = [];
  for (const k of keys) {
    const sep = k.match_key.indexOf('\u241f');
    const artist = sep >= 0 ? k.match_key.slice(0, sep) : '';
    const title = sep >= 0 ? k.match_key.slice(sep + 1) : k.match_key;
    const candidates = new Set([...(byTitle.get(title) ?? []), ...artistNames(k.artist).flatMap((a) => byArtist.get(a) ?? []), ...(byArtist.get(artist) ?? [])]);
    if (!candidates.size) continue;
    const best = bestMatch({ artist: k.artist, title: k.title, album: k.album, durationS: k.duration_s }, [...candidates]);
    if (best) out.push({ match_key: k.match_key, path: best.candidate.path, confidence: best.confidence });
  }
  return out;
}
