// Issue 16, "isolation at every step": one file whose values the database refuses costs only that
// file. The run succeeds, every other file of its batch lands, the refused file is a row with its
// reason, and the connection is not left in an aborted transaction.
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IngestApi, TagRecord } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { runIngest } from '../../src/pipeline/ingest-run';
import { loadIsolated } from '../../src/pipeline/isolated-load';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import { CORPUS, hasCorpus } from '../support/corpus';
import { concat } from '../support/hostile';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';
import { ingestRun, record } from './pipeline-fixtures';


/** An APEv2 tag (footer only, as many writers leave it) with the given text items. */
function apeTag(items: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const body = concat(...Object.entries(items).map(([key, value]) => {
    const v = enc.encode(value);
    const head = new Uint8Array(8);
    new DataView(head.buffer).setUint32(0, v.length, true);
    return concat(head, enc.encode(`${key}\0`), v);
  }));
  const footer = new Uint8Array(32);
  footer.set(enc.encode('APETAGEX'));
  const view = new DataView(footer.buffer);
  view.setUint32(8, 2000, true);
  view.setUint32(12, body.length + 32, true);
  view.setUint32(16, Object.keys(items).length, true);
  return concat(body, footer);
}

async function run(sql: SqlClient, files: { path: string; bytes: Uint8Array }[], api: IngestApi = ingest) {
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(api), 1);
  try {
    const listing = { root: 'Music', files: files.map((f) => ({ path: f.path, file: new File([new Uint8Array(f.bytes)], f.path.split('/').pop()!, { lastModified: 1_000 }) })), skipped: [], handle: null };
    return await runIngest(lakeOf(sql), listing, { kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined });
  } finally {
    pool.terminate();
  }
}

describe.skipIf(!hasCorpus)('one bad file never fails a run', () => {
  const mp3 = new Uint8Array(readFileSync(`${CORPUS}/tags/beets/full.mp3`));
  const good = Array.from({ length: 12 }, (_, i) => ({ path: `Music/good-${i}.mp3`, bytes: concat(mp3, new Uint8Array([i])) }));

  it('reads a file whose APE tag says track 4294967295 and year 99999999999 without refusing it', async () => {
    const sql = await migratedClient();
    const empty = new Uint8Array(readFileSync(`${CORPUS}/tags/beets/empty.mp3`)); // audio without tags, so the APE tag speaks
    const bad = { path: 'Music/bad-ape.mp3', bytes: concat(empty, apeTag({ Title: 'Odd', Track: '4294967295', Year: '99999999999' })) };
    const result = await run(sql, [...good, bad]);
    expect(result).toMatchObject({ state: 'succeeded', read: 13 });
    const rows = await sql.query("SELECT title, track_no FROM raw.tag_reads WHERE path = 'Music/bad-ape.mp3'");
    expect(rows).toEqual([{ title: 'Odd', track_no: null }]);
    expect((await sql.query('SELECT * FROM gold.track_facts')).length).toBe(13);
  }, 60_000);

  it('keeps every other row of the batch when the database refuses one file, and says why', async () => {
    const sql = await migratedClient();
    // A value the database refuses, as a reader that does not check ranges would hand over. The
    // real reader now clamps, so the wrapper stands in for "any value DuckDB refuses".
    const refusing: IngestApi = {
      async readTags(files) {
        const records = await ingest.readTags(files);
        return records.map((r): TagRecord => (r.path.endsWith('good-5.mp3') ? { ...r, track_no: 2 ** 40 } : r));
      },
    };
    const result = await run(sql, good, refusing);
    expect(result).toMatchObject({ state: 'succeeded', read: 12, failed: 1 });
    const tracks = await sql.query<{ path: string; error: string | null }>('SELECT path, error FROM gold.track_facts ORDER BY path');
    expect(tracks).toHaveLength(12);
    const refused = tracks.find((t) => t.path === 'Music/good-5.mp3');
    expect(refused?.error).toMatch(/database refused a value from this file \(Conversion Error/);
    expect(tracks.filter((t) => t.error === null)).toHaveLength(11);
    // The connection is usable: no aborted transaction left behind.
    expect(await sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  }, 60_000);
});

describe('loadIsolated', () => {
  it('lands every good row and turns each refused row into its failure, in O(bad * log n) attempts', async () => {
    const landed: number[] = [];
    let attempts = 0;
    const load = async (rows: number[]) => {
      attempts++;
      if (rows.some((r) => r === 7 || r === 30)) throw new Error('Conversion Error: out of range\nmore detail');
      landed.push(...rows);
    };
    const { refused } = await loadIsolated(Array.from({ length: 40 }, (_, i) => i), load, (r) => -r);
    expect(refused).toBe(2);
    expect([...landed].sort((a, b) => a - b)).toEqual([-30, -7, ...Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 7 && i !== 30)]);
    expect(attempts).toBeLessThan(30);
  });

  it('throws the original error when even the failure row is refused (not the row\'s fault)', async () => {
    await expect(loadIsolated([1, 2, 3], async () => { throw new Error('disk full'); }, (r) => r)).rejects.toThrow('disk full');
  });
});

describe('values no real file holds', () => {
  it('a header declaring millions of years or a bitrate of 10^12 kbps is no value, and the run succeeds', async () => {
    const sql = await migratedClient();
    const run = await ingestRun(sql, 'Music', [record('Music/odd.ogg', { duration_s: 4e14, bitrate_kbps: 1e12 }), record('Music/fine.ogg')]);
    expect(run.state).toBe('succeeded');
    expect(await sql.query('SELECT path, tag_duration_s, bitrate_kbps FROM bronze.tracks ORDER BY path')).toEqual([
      { path: 'Music/fine.ogg', tag_duration_s: 200, bitrate_kbps: 320 },
      { path: 'Music/odd.ogg', tag_duration_s: null, bitrate_kbps: null },
    ]);
  });
});
