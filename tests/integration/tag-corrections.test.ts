// Issue 16, "edit what is wrong": a correction is one recorded run that shows in gold at once,
// survives rescans (also when the file changed and is read again), names itself in the track's
// lineage, and reverts to the tag's value. The command refuses bad values and a busy lakehouse.
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import { testCommandContext } from '../support/command-context';
import { correctTracks } from '../../src/app/commands/correct-tracks';
import { checkEdits, type TagEdits } from '../../src/domain/tag-corrections';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { correctedFileCount } from '../../src/lakehouse/runs/tag-corrections';
import { trackLineage } from '../../src/lakehouse/models/track-lineage';
import { runCorrection } from '../../src/pipeline/correction-run';
import { runIngest } from '../../src/pipeline/ingest-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import type { FolderListing } from '../../src/platform/folder-source';
import { CORPUS, hasCorpus } from '../support/corpus';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';

const FILES = ['full.mp3', 'full.flac', 'min.mp3'];

/** The folder; `touched` files get a newer modification time, so a rescan reads them again. */
function listing(touched: string[] = []): FolderListing {
  const files = FILES.map((name) => ({
    path: `Music/${name}`,
    file: new File([readFileSync(`${CORPUS}/tags/beets/${name}`)], name, { lastModified: touched.includes(name) ? 2_000 : 1_000 }),
  }));
  return { root: 'Music', files, skipped: [], handle: null };
}


async function rescan(sql: SqlClient, touched: string[] = []) {
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
  try {
    return await runIngest(lakeOf(sql), listing(touched), { kind: 'rescan', signal: new AbortController().signal, pool, onProgress: () => undefined });
  } finally {
    pool.terminate();
  }
}

const checked = (edits: TagEdits) => {
  const c = checkEdits(edits);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.edits;
};

type Facts = { track_id: string; title: string; artist: string | null; year: number | null; label: string | null; genre: string | null };
const facts = async (sql: SqlClient, path: string) =>
  (await sql.query<Facts>('SELECT track_id, title, artist, year, label, genre FROM gold.track_facts WHERE path = ?', [path]))[0]!;

describe.skipIf(!hasCorpus)('correcting tags', () => {
  it('shows in gold after its run, survives rescans and a re-read of the changed file, and reverts', async () => {
    const sql = await migratedClient();
    expect((await rescan(sql)).state).toBe('succeeded');
    const tagged = await facts(sql, 'Music/full.mp3');
    expect(tagged).toMatchObject({ title: 'full', year: 2001, genre: 'the genre' });
    const other = await facts(sql, 'Music/full.flac');

    const run = await runCorrection(lakeOf(sql), { trackIds: [tagged.track_id] }, checked({ title: { set: '  Fixed title ' }, year: { set: '1999' }, genre: { set: '' } }));
    expect(run).toMatchObject({ state: 'succeeded', files: 1, written: true });
    expect(await facts(sql, 'Music/full.mp3')).toMatchObject({ title: 'Fixed title', year: 1999, genre: null, artist: tagged.artist });
    expect(await facts(sql, 'Music/full.flac')).toEqual(other);
    // Only the corrected file was re-derived, through the snapshot like any run.
    expect(await sql.query('SELECT mode, rows_in FROM meta.lineage WHERE run_id = ? AND model = ?', [run.runId, 'bronze.tracks'])).toEqual([{ mode: 'incremental', rows_in: 1 }]);
    expect((await sql.query<{ step: string }>('SELECT step FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [run.runId])).map((s) => s.step))
      .toEqual(['correct_tags', 'bronze', 'checks_bronze', 'silver', 'checks_silver', 'gold', 'checks_gold', 'publish', 'anomalies']);
    expect(await sql.query("SELECT corrected_fields FROM bronze.tracks WHERE path = 'Music/full.mp3'")).toEqual([{ corrected_fields: ['genre', 'title', 'year'] }]);
    expect(await sql.query("SELECT corrected_fields FROM gold.track_facts WHERE path = 'Music/full.mp3'")).toEqual([{ corrected_fields: 'genre, title, year' }]);

    // The lineage names the correction and keeps the tag's own value in view.
    const lineage = (await trackLineage(sql, tagged.track_id))!;
    expect(lineage.corrections.map((c) => [c.field, c.value])).toEqual([['genre', null], ['title', 'Fixed title'], ['year', '1999']]);
    expect(lineage.corrections.find((c) => c.field === 'title')?.tag_value).toBe(tagged.title);
    expect(lineage.fields.title).toMatch(/^your correction, \d{4}-\d{2}-\d{2} \d{2}:\d{2}; the tag says "/);
    expect(lineage.fields.genre).toMatch(/^your correction \(cleared\), /);
    expect(lineage.fields.artist).toMatch(/^tag /);

    // A rescan that reads nothing new, then one that reads the changed file again: still corrected.
    expect(await rescan(sql)).toMatchObject({ state: 'succeeded', read: 0 });
    expect(await facts(sql, 'Music/full.mp3')).toMatchObject({ title: 'Fixed title', year: 1999, genre: null });
    expect(await rescan(sql, ['full.mp3'])).toMatchObject({ state: 'succeeded', read: 1 });
    expect(await facts(sql, 'Music/full.mp3')).toMatchObject({ title: 'Fixed title', year: 1999, genre: null });

    // Reverting the title brings the tag's value back; the other corrections stay.
    expect((await runCorrection(lakeOf(sql), { paths: ['Music/full.mp3'] }, checked({ title: 'revert' }))).state).toBe('succeeded');
    expect(await facts(sql, 'Music/full.mp3')).toMatchObject({ title: tagged.title, year: 1999, genre: null });
    expect((await runCorrection(lakeOf(sql), { trackIds: [tagged.track_id] }, checked({ year: 'revert', genre: 'revert' }))).state).toBe('succeeded');
    expect(await facts(sql, 'Music/full.mp3')).toEqual(tagged);
    expect(await correctedFileCount(sql)).toBe(0);
  }, 120_000);

  it('a cleared label stays cleared, and a full rebuild gives the same gold as the incremental one', async () => {
    const sql = await migratedClient();
    await rescan(sql);
    const full = await facts(sql, 'Music/full.mp3');
    expect(full.label).toBe('the label');
    await runCorrection(lakeOf(sql), { paths: ['Music/full.mp3'] }, checked({ label: { set: '' }, artist: { set: 'Someone Else' } }));
    const corrected = await facts(sql, 'Music/full.mp3');
    expect(corrected).toMatchObject({ label: null, artist: 'Someone Else', title: full.title });
    expect(await sql.query("SELECT artist_name FROM silver.track_artists WHERE track_id = ? ORDER BY artist_name", [full.track_id])).toEqual([{ artist_name: 'Someone Else' }]);
    const { runRebuild } = await import('../../src/pipeline/rebuild-run');
    expect((await runRebuild(lakeOf(sql))).state).toBe('succeeded');
    expect(await facts(sql, 'Music/full.mp3')).toEqual(corrected);
  }, 120_000);

  it('the command refuses bad values and a busy lakehouse, and writes one audit line when it runs', async () => {
    const sql = await migratedClient();
    await rescan(sql);
    const { track_id } = await facts(sql, 'Music/min.mp3');
    const ctx = testCommandContext(sql);
    const bad = await correctTracks(ctx, { trackIds: [track_id] }, { year: { set: '99' }, title: { set: 'x'.repeat(501) } }, '"min"');
    expect(bad).toMatchObject({ state: 'invalid', errors: { year: expect.stringMatching(/1000 to 2999/), title: expect.stringMatching(/at most 500/) } });
    ctx.busy = true;
    expect(await correctTracks(ctx, { trackIds: [track_id] }, { title: { set: 'Nope' } }, '"min"')).toEqual({ state: 'busy' });
    expect(await correctedFileCount(sql)).toBe(0);
    expect(ctx.released).toEqual([]);

    ctx.busy = false;
    expect(await correctTracks(ctx, { trackIds: [track_id] }, { title: { set: 'Better' } }, '"min"')).toMatchObject({ state: 'succeeded', files: 1 });
    expect(ctx.released).toEqual(['succeeded']);
    expect(ctx.said.at(-1)?.text).toMatch(/^Saved: title to "Better"/);
    expect(await sql.query("SELECT details FROM meta.audit_log WHERE action = 'correct-tags'")).toEqual([
      { details: expect.stringMatching(/^Corrected title to "Better" on "min" \(1 file, run \d+\); the files are not written$/) },
    ]);
    // The table itself refuses what the command would never send.
    await expect(sql.query("INSERT INTO raw.tag_corrections VALUES ('Music/min.mp3', 'year', 'soon', now(), 1)")).rejects.toThrow(/CHECK/i);
    await expect(sql.query("INSERT INTO raw.tag_corrections VALUES ('Music/min.mp3', 'bpm', '120', now(), 1)")).rejects.toThrow(/CHECK/i);
  }, 120_000);
});
