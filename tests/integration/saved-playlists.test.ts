// Saved generated playlists on the real engine: listed newest first with their size and minutes,
// shown in saved order against gold.track_facts (a track whose file was deleted is flagged, not
// dropped), and deleted whole by the delete command in one transaction with exactly one audit line.
import { describe, expect, it } from 'vitest';
import { deletePlaylist } from '../../src/app/commands/playlists';
import { listAudit } from '../../src/lakehouse/runs/audit';
import { listPlaylists, playlistTracks, savePlaylist } from '../../src/lakehouse/queries/playlists';
import { testCommandContext } from '../support/command-context';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { ingestRun, record } from './pipeline-fixtures';
import { migratedClient } from '../support/node-db';

const PATHS = ['library/a.mp3', 'library/b.mp3', 'library/c.mp3'];

async function lake() {
  const sql = await migratedClient();
  const records = PATHS.map((p, i) => record(p, { artist: `Artist ${i}`, title: `Title ${i}`, duration_s: 120 + 60 * i }));
  await ingestRun(sql, 'library', records);
  const ids = new Map((await sql.query<{ path: string; track_id: string }>('SELECT path, track_id FROM gold.track_facts')).map((r) => [r.path, r.track_id]));
  const id = (path: string) => ids.get(path)!;
  return { sql, records, id };
}

const count = async (sql: SqlClient, table: string, id: number) =>
  (await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE playlist_id = ?`, [id]))[0]!.n;

describe('saved playlists', () => {
  it('lists saved playlists newest first with track count and minutes', async () => {
    const { sql, id } = await lake();
    const first = await savePlaylist(sql, 'Morning', [{ trackId: id('library/a.mp3'), locked: false }], {});
    const second = await savePlaylist(sql, 'Evening', [{ trackId: id('library/c.mp3'), locked: true }, { trackId: id('library/b.mp3'), locked: false }], {});
    const list = await listPlaylists(sql);
    expect(list.map((p) => [p.playlist_id, p.name, p.track_count, p.in_library_count, p.duration_s])).toEqual([
      [second, 'Evening', 2, 2, 240 + 180],
      [first, 'Morning', 1, 1, 120],
    ]);
    expect(typeof list[0]!.saved_at_ms).toBe('number');
    expect(Math.abs(list[0]!.saved_at_ms - Date.now())).toBeLessThan(60 * 60_000);
  });

  it('shows tracks in saved order and flags one whose file was deleted', async () => {
    const { sql, records, id } = await lake();
    const order = ['library/c.mp3', 'library/a.mp3', 'library/b.mp3'];
    const pid = await savePlaylist(sql, 'Set', order.map((p) => ({ trackId: id(p), locked: false })), {});
    // The next scan no longer finds a.mp3: gold.track_facts drops it, the saved playlist keeps it.
    await ingestRun(sql, 'library', records, ['library/b.mp3', 'library/c.mp3']);
    const tracks = await playlistTracks(sql, pid);
    expect(tracks.map((t) => [t.position, t.track_id, t.in_library, t.artist, t.title])).toEqual([
      [0, id('library/c.mp3'), true, 'Artist 2', 'Title 2'],
      [1, id('library/a.mp3'), false, null, null],
      [2, id('library/b.mp3'), true, 'Artist 1', 'Title 1'],
    ]);
    const [listed] = await listPlaylists(sql);
    expect([listed!.track_count, listed!.in_library_count, listed!.duration_s]).toEqual([3, 2, 240 + 180]);
  });

  it('deletes the playlist and its tracks with one audit line, and a second delete writes none', async () => {
    const { sql, id } = await lake();
    const keep = await savePlaylist(sql, 'Keep', [{ trackId: id('library/a.mp3'), locked: false }], {});
    const pid = await savePlaylist(sql, 'Friday set', PATHS.map((p) => ({ trackId: id(p), locked: false })), {});
    const before = (await listAudit(sql)).length;
    const ctx = testCommandContext(sql);
    expect(await deletePlaylist(ctx, pid)).toEqual({ ok: true, value: true });
    expect(await deletePlaylist(ctx, pid)).toEqual({ ok: true, value: false });
    expect(await count(sql, 'raw.playlists', pid)).toBe(0);
    expect(await count(sql, 'raw.playlist_tracks', pid)).toBe(0);
    expect(await count(sql, 'raw.playlist_tracks', keep)).toBe(1);
    expect((await listPlaylists(sql)).map((p) => p.name)).toEqual(['Keep']);
    const audit = await listAudit(sql);
    expect(audit.length).toBe(before + 1);
    expect([audit[0]!.action, audit[0]!.details]).toEqual(['playlist-delete', `Deleted playlist “Friday set” (3 tracks, id ${pid})`]);
    expect(audit.filter((e) => e.action === 'playlist-delete')).toHaveLength(1);
  });
});
