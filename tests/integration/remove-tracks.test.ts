// Issue 8, "delete tracks": removing tracks is one recorded run that takes them out of gold, a
// rescan of the folder (where the files still are) leaves them out, and bringing them back lets
// the next rescan read them again. Ratings of a removed track are kept for its return.
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import { rateTrack } from '../../src/app/commands/interactions';
import { testCommandContext } from '../support/command-context';
import { bringBackRemovedFiles, removedFileCount } from '../../src/lakehouse/runs/removed-files';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { runIngest } from '../../src/pipeline/ingest-run';
import { runRemoveTracks } from '../../src/pipeline/remove-tracks-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import type { FolderListing } from '../../src/platform/folder-source';
import { CORPUS, hasCorpus } from '../support/corpus';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';

// full.mp3 twice (two paths, one audio): removing its track takes both files.
const FILES: [string, string][] = [['full.mp3', 'a/full.mp3'], ['full.mp3', 'b/full copy.mp3'], ['full.flac', 'full.flac'], ['min.mp3', 'min.mp3'], ['date.mp3', 'date.mp3']];

function listing(): FolderListing {
  const files = FILES.map(([src, path]) => ({ path: `Music/${path}`, file: new File([readFileSync(`${CORPUS}/tags/beets/${src}`)], src, { lastModified: 1_000 }) }));
  return { root: 'Music', files, skipped: [], handle: null };
}


async function rescan(sql: SqlClient) {
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
  try {
    return await runIngest(lakeOf(sql), listing(), { kind: 'rescan', signal: new AbortController().signal, pool, onProgress: () => undefined });
  } finally {
    pool.terminate();
  }
}

const goldPaths = async (sql: SqlClient) => (await sql.query<{ path: string }>('SELECT path FROM silver.track_files ORDER BY path')).map((r) => r.path);

describe.skipIf(!hasCorpus)('removing tracks from the library', () => {
  it('takes a track and all its files out, keeps them out of rescans, and brings them back on request', async () => {
    const sql = await migratedClient();
    expect((await rescan(sql)).state).toBe('succeeded');
    const [dup] = await sql.query<{ track_id: string }>("SELECT track_id FROM gold.track_facts WHERE path LIKE 'Music/a/%'");
    const [min] = await sql.query<{ track_id: string }>("SELECT track_id FROM gold.track_facts WHERE path = 'Music/min.mp3'");
    expect((await sql.query('SELECT * FROM gold.track_facts')).length).toBe(4);
    expect((await rateTrack(testCommandContext(sql), min!.track_id, 4, 'track-page', 'min')).ok).toBe(true);

    const removed = await runRemoveTracks(lakeOf(sql), [dup!.track_id, min!.track_id]);
    expect(removed).toMatchObject({ state: 'succeeded', deleted: 3 });
    expect(await goldPaths(sql)).toEqual(['Music/date.mp3', 'Music/full.flac']);
    expect(await sql.query<{ kind: string; state: string; files_deleted: number }>('SELECT kind, state, files_deleted FROM meta.runs WHERE run_id = ?', [removed.runId]))
      .toEqual([{ kind: 'remove', state: 'succeeded', files_deleted: 3 }]);
    expect((await sql.query<{ step: string }>('SELECT step FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [removed.runId])).map((s) => s.step)[0]).toBe('remove_tracks');

    // The files are still in the folder: a rescan leaves them out and says so.
    const again = await rescan(sql);
    expect(again).toMatchObject({ state: 'succeeded', read: 0, removedKeptOut: 3, unchanged: 2, deleted: 0 });
    expect(await goldPaths(sql)).toEqual(['Music/date.mp3', 'Music/full.flac']);

    // Brought back: the next rescan reads them again, and the kept rating is the track's again.
    expect(await bringBackRemovedFiles(sql)).toBe(3);
    expect(await removedFileCount(sql)).toBe(0);
    const back = await rescan(sql);
    expect(back).toMatchObject({ state: 'succeeded', read: 3, removedKeptOut: 0 });
    expect((await goldPaths(sql)).length).toBe(5);
    const [rated] = await sql.query<{ rating: number }>("SELECT rating FROM gold.track_facts WHERE path = 'Music/min.mp3'");
    expect(Number(rated!.rating)).toBe(4);
  }, 120_000);

  it('removes nothing and changes nothing for an unknown track id', async () => {
    const sql = await migratedClient();
    await rescan(sql);
    const result = await runRemoveTracks(lakeOf(sql), ['no-such-track']);
    expect(result).toMatchObject({ state: 'succeeded', deleted: 0 });
    expect((await goldPaths(sql)).length).toBe(5);
  }, 120_000);
});
