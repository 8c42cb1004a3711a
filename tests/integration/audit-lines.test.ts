// Issue 8 governance on the real engine: every change a person makes to saved queries, smart and
// generated playlists and data-quality rules leaves one line in meta.audit_log, written by the
// lakehouse functions themselves (so every UI path that calls them is covered).
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/lakehouse/runs/audit';
import { deleteSmartPlaylist, listSmartPlaylists, savePlaylist, saveSmartPlaylist } from '../../src/lakehouse/queries/playlists';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { migratedClient } from '../support/node-db';

/** Oldest first, as action and details. */
async function lines(sql: SqlClient): Promise<[string, string][]> {
  return (await listAudit(sql)).reverse().map((e) => [e.action, e.details]);
}

describe('audit lines for saved things', () => {
  it('records saving and deleting a smart playlist by its name', async () => {
    const sql = await migratedClient();
    await saveSmartPlaylist(sql, { name: 'Never played', match: 'all', rules: [{ field: 'last_played_at', op: 'never' }], sort: { field: 'artist', dir: 'asc' }, limit: 50 });
    const [saved] = await listSmartPlaylists(sql);
    await deleteSmartPlaylist(sql, saved!.id);
    await deleteSmartPlaylist(sql, saved!.id);
    expect(await listSmartPlaylists(sql)).toEqual([]);
    const log = await lines(sql);
    expect(log.map(([action]) => action)).toEqual(['playlist-save', 'playlist-delete']);
    expect(log[0]![1]).toMatch(/^Saved smart playlist “Never played”: .+/);
    expect(log[1]![1]).toBe('Deleted smart playlist “Never played”');
  });

  it('records saving a generated playlist', async () => {
    const sql = await migratedClient();
    const id = await savePlaylist(sql, 'Friday set', [{ trackId: 'a', locked: false }, { trackId: 'b', locked: true }], { mode: 'flow' });
    expect(await lines(sql)).toEqual([['playlist-save', `Saved playlist “Friday set” (2 tracks, id ${id})`]]);
  });
});
