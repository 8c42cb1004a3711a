// The playlist commands of /playlists on the real engine: a generated playlist is saved whole
// (its tracks, its row and its audit line in one transaction) or not at all; smart playlists are
// saved, replaced by name and deleted with one line each; stale deletes leave none.
import { describe, expect, it } from 'vitest';
import { deletePlaylist, deleteSmartPlaylist, savePlaylist, saveSmartPlaylist } from '../../src/app/commands/playlists';
import type { SmartPlaylist } from '../../src/domain/playlist-rules';
import { listSmartPlaylists } from '../../src/lakehouse/queries/playlists';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { auditLines, withoutAuditLog } from '../support/audit-log';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';

const NEVER: SmartPlaylist = { name: 'Never played', match: 'all', rules: [{ field: 'last_played_at', op: 'never' }], sort: { field: 'artist', dir: 'asc' }, limit: 50 };
const rows = async (sql: SqlClient) => (await sql.query<{ n: number }>('SELECT (SELECT count(*) FROM raw.playlists) + (SELECT count(*) FROM raw.playlist_tracks) AS n'))[0]!.n;

describe('playlist commands', () => {
  it('saves a generated playlist with its tracks and one audit line, and deletes it whole', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    const saved = await savePlaylist(ctx, 'Friday set', [{ trackId: 'a', locked: false }, { trackId: 'b', locked: true }], { mode: 'flow' });
    expect(saved).toEqual({ ok: true, value: 1 });
    expect(await sql.query('SELECT position, track_id, locked FROM raw.playlist_tracks ORDER BY position')).toEqual([
      { position: 0, track_id: 'a', locked: false }, { position: 1, track_id: 'b', locked: true },
    ]);
    expect(await deletePlaylist(ctx, 1)).toEqual({ ok: true, value: true });
    expect(await deletePlaylist(ctx, 1)).toEqual({ ok: true, value: false });
    expect(await rows(sql)).toBe(0);
    expect(await auditLines(sql)).toEqual([
      'playlist-save: Saved playlist “Friday set” (2 tracks, id 1)',
      'playlist-delete: Deleted playlist “Friday set” (2 tracks, id 1)',
    ]);
    expect(ctx.announced).toEqual(Array(3).fill(['raw.playlists', 'raw.playlist_tracks', 'meta.audit_log']));
  });

  it('keeps nothing of a playlist whose save fails half-way or whose audit line fails', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    // The second track breaks raw.playlist_tracks' NOT NULL after the playlist row and the first track went in.
    const half = await savePlaylist(ctx, 'Broken', [{ trackId: 'a', locked: false }, { trackId: null as unknown as string, locked: false }], {});
    expect(half).toMatchObject({ ok: false, reason: 'failed' });
    expect(await withoutAuditLog(sql, () => savePlaylist(ctx, 'Unrecorded', [{ trackId: 'a', locked: false }], {}))).toMatchObject({ ok: false });
    expect(await savePlaylist(ctx, 'Empty', [], {})).toMatchObject({ ok: false, error: 'The playlist has no tracks' });
    expect(await rows(sql)).toBe(0);
    expect(await auditLines(sql)).toEqual([]);
    expect(ctx.announced).toEqual([]);
    expect(ctx.said.map((s) => s.kind)).toEqual(['error', 'error', 'error']);
  });

  it('saves, replaces by name and deletes a smart playlist with one line each; an invalid one is refused before writing', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect(await saveSmartPlaylist(ctx, { ...NEVER, rules: [], name: '' })).toMatchObject({ ok: false });
    expect((await saveSmartPlaylist(ctx, NEVER)).ok).toBe(true);
    expect((await saveSmartPlaylist(ctx, { ...NEVER, limit: 10 })).ok).toBe(true);
    const [saved, ...others] = await listSmartPlaylists(sql);
    expect([saved!.limit, others]).toEqual([10, []]);
    expect(await deleteSmartPlaylist(ctx, saved!.id)).toEqual({ ok: true, value: true });
    expect(await deleteSmartPlaylist(ctx, saved!.id)).toEqual({ ok: true, value: false });
    expect(await listSmartPlaylists(sql)).toEqual([]);
    const log = await auditLines(sql);
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/^playlist-save: Saved smart playlist “Never played”: .+/);
    expect(log[1]).toMatch(/^playlist-save: Replaced smart playlist “Never played”: .+/);
    expect(log[2]).toBe('playlist-delete: Deleted smart playlist “Never played”');
    expect(ctx.announced).toEqual(Array(4).fill(['raw.smart_playlists', 'meta.audit_log']));
  });
});
