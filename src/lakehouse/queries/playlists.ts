// Playlists in the lakehouse: the candidate pool for the generator, smart-playlist rules compiled
// to SQL (identifiers only from the allow-lists below, every value bound), and saving both kinds
// in raw.smart_playlists / raw.playlists (migration 0006), listing and deleting the saved ones.
// The writes join the caller's transaction; src/app/commands/playlists.ts adds the audit lines.
import { canonicalKey, compatibleKeys, validatePlaylist, type Rule, type SmartPlaylist, type SortField } from '../../domain/playlist-rules';
import type { PlaylistTrack } from '../../domain/playlist';
import poolSql from '../sql/intelligence/playlist_pool.sql?raw';
import savedTracksSql from '../sql/intelligence/saved_playlist_tracks.sql?raw';
import savedSql from '../sql/intelligence/saved_playlists.sql?raw';
import type { SqlClient } from '../engine/sql-client';

export type PoolRow = {
  track_id: string; path: string; artist: string | null; title: string | null; album: string | null; genre: string | null;
  label: string | null; year: number | null; duration_s: number | null; bpm: number | null; key: string | null; camelot: string | null;
  energy: number | null; play_count: number; skip_count: number | null; rating: number | null; predicted_rating: number | null;
  last_played_at_ms: number | null;
};

// The allow-list: rule and sort fields to columns of the pool. Nothing else reaches the SQL text.
const COLUMN: Record<Rule['field'] | Exclude<SortField, 'random'>, string> = {
  bpm: 'bpm', year: 'year', rating: 'rating', play_count: 'play_count', energy: 'energy', key: 'key', genre: 'genre',
  label: 'label', artist: 'artist', title: 'title', last_played_at: 'last_played_at', first_seen_at: 'first_seen_at',
};

function condition(r: Rule, params: unknown[]): string {
  const col = COLUMN[r.field];
  if (!col) throw new Error(`Unknown rule field ${String(r.field)}`);
  switch (r.op) {
    case 'between': {
      const parts: string[] = [];
      if (r.min !== null) parts.push(`${col} >= ?`), params.push(r.min);
      if (r.max !== null) parts.push(`${col} <= ?`), params.push(r.max);
      return parts.length ? `(${parts.join(' AND ')})` : 'true';
    }
    case 'in':
    case 'compatible': {
      // Keys are compared in the contract's spelling ('A minor'), whatever the person typed ('8A', 'Am').
      const canonical = r.op === 'in' ? r.keys.map(canonicalKey).filter((k): k is string => k !== null) : compatibleKeys(r.key);
      params.push(...canonical);
      return canonical.length ? `${col} IN (${canonical.map(() => '?').join(', ')})` : 'false';
    }
    case 'is':
      params.push(r.value.trim());
      return `lower(${col}) = lower(?)`;
    case 'contains':
      params.push(r.value.trim());
      return `contains(lower(${col}), lower(?))`;
    case 'before':
    case 'after':
      params.push(r.date);
      return `${col} ${r.op === 'before' ? '<' : '>='} CAST(? AS DATE)`;
    case 'never':
      // Never played is no play at all (gold.track_facts.play_count, as Library optimisation says),
      // not "no dated play": a play counter without dates (iTunes, a tag) is a play.
      return `coalesce(play_count, 0) = 0`;
  }
}

/** The SQL and its bound values for a smart playlist; throws with the person-readable problems if invalid. */
export function compileSmartPlaylist(p: SmartPlaylist): { sql: string; params: unknown[] } {
  const problems = validatePlaylist(p);
  if (problems.length) throw new Error(problems.join(' '));
  const params: unknown[] = [];
  const where = p.rules.map((r) => condition(r, params));
  const joined = where.length ? where.join(p.match === 'all' ? ' AND ' : ' OR ') : 'true';
  const order = p.sort.field === 'random' ? 'hash(track_id)' : `${COLUMN[p.sort.field]} ${p.sort.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, track_id`;
  let sql = `SELECT * FROM (${poolSql}) WHERE ${joined} ORDER BY ${order}`;
  if (p.limit !== null) sql += ` LIMIT ${Number(p.limit)}`; // validated whole number 1..100000 above
  return { sql, params };
}

export function toPlaylistTrack(r: PoolRow): PlaylistTrack {
  return {
    trackId: r.track_id, path: r.path, artist: r.artist, title: r.title, durationS: r.duration_s, bpm: r.bpm, key: r.key, energy: r.energy,
    playCount: r.play_count ?? 0, rating: r.rating ?? r.predicted_rating, lastPlayedAtMs: r.last_played_at_ms,
  };
}

export async function playlistPool(sql: SqlClient): Promise<PoolRow[]> {
  return sql.query<PoolRow>(poolSql, []);
}

export async function runSmartPlaylist(sql: SqlClient, p: SmartPlaylist): Promise<PoolRow[]> {
  const q = compileSmartPlaylist(p);
  return sql.query<PoolRow>(q.sql, q.params);
}

export interface SavedSmartPlaylist extends SmartPlaylist {
  id: number;
}

export async function listSmartPlaylists(sql: SqlClient): Promise<SavedSmartPlaylist[]> {
  const rows = await sql.query<{ playlist_id: number; rules_json: string }>('SELECT playlist_id, rules_json FROM raw.smart_playlists ORDER BY name');
  return rows.map((r) => ({ ...(JSON.parse(r.rules_json) as SmartPlaylist), id: r.playlist_id }));
}

/** Saves by name: the same name replaces the earlier rules. Says whether it replaced one. */
export async function saveSmartPlaylist(sql: SqlClient, p: SmartPlaylist): Promise<{ replaced: boolean }> {
  compileSmartPlaylist(p); // refuse to save what cannot run
  const json = JSON.stringify({ name: p.name.trim(), match: p.match, rules: p.rules, sort: p.sort, limit: p.limit });
  return sql.transaction(async () => {
    const [existing] = await sql.query<{ playlist_id: number }>('SELECT playlist_id FROM raw.smart_playlists WHERE name = ?', [p.name.trim()]);
    if (existing) await sql.query('UPDATE raw.smart_playlists SET rules_json = ?, updated_at = now() WHERE playlist_id = ?', [json, existing.playlist_id]);
    else await sql.query(`INSERT INTO raw.smart_playlists (playlist_id, name, rules_json) VALUES (nextval('raw.smart_playlist_ids'), ?, ?)`, [p.name.trim(), json]);
    return { replaced: !!existing };
  });
}

/** The deleted playlist's name, or null when there was none (a second click on a stale list). */
export async function deleteSmartPlaylist(sql: SqlClient, id: number): Promise<string | null> {
  const gone = await sql.transaction(() => sql.query<{ name: string }>('DELETE FROM raw.smart_playlists WHERE playlist_id = ? RETURNING name', [id]));
  return gone[0]?.name ?? null;
}

/** Saves a generated playlist (order and locks) with the options that made it; returns its id. */
export async function savePlaylist(sql: SqlClient, name: string, tracks: { trackId: string; locked: boolean }[], settings: unknown): Promise<number> {
  return sql.transaction(async () => {
    const [row] = await sql.query<{ id: number }>(`SELECT nextval('raw.playlist_ids') AS id`, []);
    const playlistId = row!.id;
    await sql.query('INSERT INTO raw.playlists (playlist_id, name, settings_json) VALUES (?, ?, ?)', [playlistId, name, JSON.stringify(settings)]);
    for (const [i, t] of tracks.entries()) {
      await sql.query('INSERT INTO raw.playlist_tracks (playlist_id, position, track_id, locked) VALUES (?, ?, ?, ?)', [playlistId, i, t.trackId, t.locked]);
    }
    return playlistId;
  });
}

export type SavedPlaylist = {
  playlist_id: number; name: string; saved_at_ms: number;
  track_count: number; in_library_count: number; duration_s: number; // minutes count only tracks still in the library
};

/** Saved generated playlists, newest first. */
export async function listPlaylists(sql: SqlClient): Promise<SavedPlaylist[]> {
  return sql.query<SavedPlaylist>(savedSql, []);
}

export type SavedPlaylistTrack = {
  position: number; track_id: string; locked: boolean; in_library: boolean;
  path: string | null; artist: string | null; title: string | null; duration_s: number | null; // NULL once out of the library
};

/** One saved playlist's tracks in order, each flagged whether gold.track_facts still has it. */
export async function playlistTracks(sql: SqlClient, id: number): Promise<SavedPlaylistTrack[]> {
  return sql.query<SavedPlaylistTrack>(savedTracksSql, [id]);
}

/**
 * Deletes a saved playlist and its track list together; the tracks themselves stay in the
 * library. What was deleted, or null when there was none (a second click on a stale list).
 */
export async function deletePlaylist(sql: SqlClient, id: number): Promise<{ name: string; tracks: number } | null> {
  return sql.transaction(async () => {
    const tracks = await sql.query<{ position: number }>('DELETE FROM raw.playlist_tracks WHERE playlist_id = ? RETURNING position', [id]);
    const [row] = await sql.query<{ name: string }>('DELETE FROM raw.playlists WHERE playlist_id = ? RETURNING name', [id]);
    return row ? { name: row.name, tracks: tracks.length } : null;
  });
}
