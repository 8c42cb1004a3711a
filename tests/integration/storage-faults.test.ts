// Issue 9, storage faults: a quota error or an OPFS write error in the middle of a step fails
// that step cleanly (its transaction rolls back), the last good gold stays exactly as it was, the
// run is recorded failed with what to do, and the next healthy run publishes everything.
// Issue 8: the engine crashing on a refused write (how DuckDB-WASM 1.32 surfaces a full quota),
// and a run whose failure could not be written, swept to failed when the database opens again.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { failInterruptedRuns, INTERRUPTED, startRun, startStep } from '../../src/lakehouse/runs/runs';
import { runIngest } from '../../src/pipeline/ingest-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import type { FolderListing } from '../../src/platform/folder-source';
import { CORPUS, hasCorpus } from '../support/corpus';
import { faultyClient, opfsWriteError, quotaError, type Fault } from '../support/faulty-sql';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';
import { goldState } from './pipeline-fixtures';

const SOURCES = ['full.mp3', 'full.flac', 'full.ogg', 'full.opus', 'full.aiff', 'min.mp3', 'min.flac', 'date.mp3'];

function listing(names: string[], modified: Record<string, number> = {}): FolderListing {
  const files = names.map((n) => ({ path: `Music/${n}`, file: new File([readFileSync(`${CORPUS}/tags/beets/${n}`)], n, { lastModified: modified[n] ?? 1_000 }) }));
  return { root: 'Music', files, skipped: [], handle: null };
}

async function run(inner: SqlClient, list: FolderListing, fault: Fault | null = null) {
  const faulty = faultyClient(inner, fault);
  const lake: Lakehouse = { sql: faulty.sql, read: inner, checkpoint: faulty.checkpoint, storage: 'memory', close: async () => undefined };
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
  try {
    const result = await runIngest(lake, list, { kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined });
    return { result, fired: faulty.fired() };
  } finally {
    pool.terminate();
  }
}

const FIRST = SOURCES.slice(0, 6);
// The second run retags two files (a new modification time) and finds two new ones.
const SECOND = () => listing(SOURCES, { 'full.mp3': 2_000, 'full.flac': 2_000 });

const CASES: [string, Fault][] = [
  ['quota error while loading tag reads', { step: 'read_tags', method: 'insertArrowIpc', nth: 2, error: quotaError() }],
  ['OPFS write error on the checkpoint after a tag batch', { step: 'read_tags', method: 'checkpoint', nth: 1, error: opfsWriteError() }],
  ['quota error while building silver', { step: 'silver', method: 'exec', nth: 1, error: quotaError() }],
  ['OPFS write error while publishing gold', { step: 'publish', method: 'exec', nth: 2, matching: /CREATE OR REPLACE TABLE "gold"/, error: opfsWriteError() }],
];

describe.skipIf(!hasCorpus)('storage faults mid-step', () => {
  it.each(CASES)('%s: the step fails cleanly, gold stays, the person is told what to do', async (_name, fault) => {
    const sql = await migratedClient();
    expect((await run(sql, listing(FIRST))).result.state).toBe('succeeded');
    const before = await goldState(sql);
    expect(before['track_facts']).toHaveLength(6);

    const { result, fired } = await run(sql, SECOND(), fault);
    expect(fired).toBe(1);
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(new RegExp(`^Step "${fault.step}" failed: IO Error`));
    expect(result.error).toMatch(/(quota|disk)\. .*(free disk space).* run again\. Everything committed before this step is kept\.$/);
    expect(await goldState(sql)).toEqual(before);

    const [runRow] = await sql.query<{ state: string; error: string }>('SELECT state, error FROM meta.runs WHERE run_id = ?', [result.runId]);
    expect(runRow).toEqual({ state: 'failed', error: result.error });
    const steps = await sql.query<{ step: string; state: string }>('SELECT step, state FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [result.runId]);
    expect(steps.at(-1)).toEqual({ step: fault.step, state: 'failed' });
    expect(steps.slice(0, -1).every((s) => s.state === 'succeeded')).toBe(true);
    // A tag batch is all or nothing: every file row has its tag read, and no staging table is left.
    expect(await sql.query(`SELECT f.path FROM raw.files f ANTI JOIN raw.tag_reads t USING (path)`)).toEqual([]);
    expect(await sql.query(`SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stage_%'`)).toEqual([]);

    // Space freed: the same folder again publishes all eight, retags included.
    const next = await run(sql, SECOND());
    expect(next.result.state).toBe('succeeded');
    const gold = await sql.query<{ path: string }>('SELECT path FROM gold.track_facts ORDER BY path');
    expect(gold.map((g) => g.path)).toEqual(SOURCES.map((n) => `Music/${n}`).sort());
  }, 120_000);
});

// What DuckDB-WASM 1.32 reports when the browser refuses an OPFS write: the engine aborts and its
// abort handler overflows the JS stack; the QuotaExceededError itself never reaches us.
const engineCrash = () => new RangeError('Maximum call stack size exceeded');
const CRASH: Fault = { step: 'publish', method: 'exec', nth: 2, matching: /CREATE OR REPLACE TABLE "gold"/, error: engineCrash() };

describe.skipIf(!hasCorpus)('the engine stops mid-step', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('with the storage full: the person is told storage is full and what to do, never the stack overflow', async () => {
    const sql = await migratedClient();
    expect((await run(sql, listing(FIRST))).result.state).toBe('succeeded');
    const before = await goldState(sql);
    // Node has no browser storage to fill: this stands in for an origin whose quota is used up
    // (the e2e storage test fills a real one in Chromium).
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 500_000_000, quota: 500_000_000 }) } });
    const { result, fired } = await run(sql, SECOND(), { ...CRASH, error: engineCrash() });
    expect(fired).toBe(1);
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(/^Step "publish" failed: Storage is full: the browser refused a write/);
    expect(result.error).toMatch(/free disk space, remove old snapshots .*export a backup .*reload the page and run again\. Everything committed before this step is kept\.$/);
    expect(result.error).not.toMatch(/call stack/);
    expect(await goldState(sql)).toEqual(before);
    const [runRow] = await sql.query<{ state: string; error: string }>('SELECT state, error FROM meta.runs WHERE run_id = ?', [result.runId]);
    expect(runRow).toEqual({ state: 'failed', error: result.error });
    // The engine's own words are kept for whoever reads the log.
    const [logged] = await sql.query<{ message: string }>(`SELECT message FROM meta.logs WHERE run_id = ? AND level = 'error'`, [result.runId]);
    expect(logged?.message).toMatch(/\(engine: Maximum call stack size exceeded\)$/);
  }, 120_000);

  it('with room left: it says the engine stopped and to reload, not that storage is full', async () => {
    const sql = await migratedClient();
    expect((await run(sql, listing(FIRST))).result.state).toBe('succeeded');
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 1_000_000, quota: 500_000_000 }) } }); // as above, with room
    const { result } = await run(sql, SECOND(), { ...CRASH, error: engineCrash() });
    expect(result.error).toMatch(/^Step "publish" failed: The database engine stopped unexpectedly \(Maximum call stack size exceeded\)\. Reload the page/);
    expect(result.error).not.toMatch(/Storage is full|no room/);
  }, 120_000);
});

describe('runs left running when the database opens', () => {
  it('are recorded failed: with the reason kept aside for them, else as interrupted', async () => {
    const sql = await migratedClient();
    const full = await startRun(sql, 'rebuild', null);
    await startStep(sql, full, 'publish', 0);
    const closed = await startRun(sql, 'ingest', 'Music'); // its start already ended the first one as interrupted
    await sql.query(`UPDATE meta.runs SET state = 'running', ended_at = NULL, error = NULL WHERE run_id = ?`, [full]);
    await sql.query(`UPDATE meta.run_steps SET state = 'running', ended_at = NULL, error = NULL WHERE run_id = ?`, [full]);
    const reason = 'Step "publish" failed: Storage is full: the browser refused a write to the database';
    expect(await failInterruptedRuns(sql, { [full]: reason })).toEqual([full, closed]);
    expect(await sql.query('SELECT run_id, state, error, ended_at IS NOT NULL AS ended FROM meta.runs ORDER BY run_id')).toEqual([
      { run_id: full, state: 'failed', error: reason, ended: true },
      { run_id: closed, state: 'failed', error: INTERRUPTED, ended: true },
    ]);
    expect(await sql.query('SELECT step, state, error FROM meta.run_steps WHERE run_id = ?', [full])).toEqual([{ step: 'publish', state: 'failed', error: reason }]);
    expect(await failInterruptedRuns(sql)).toEqual([]);
  });
});
