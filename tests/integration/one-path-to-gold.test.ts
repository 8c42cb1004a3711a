// Issue 15, part 4: one path to gold per run. An ingest publishes its tags before analysis and
// again after it, and both publishes go through the snapshot and the checks, so an error-severity
// rule stops either and leaves the last good gold row for row. The run keeps one snapshot, the
// gold it last published. Real tag reading and analysis in Node, on corpus files.
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysis } from '../../workers/analysis/analysis';
import type { AnalysisApi } from '../../workers/analysis/api';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import { buildTables } from '../../src/lakehouse/backup/snapshot-tables';
import { listSnapshots, snapshotTables } from '../../src/lakehouse/backup/snapshots';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { runIngest } from '../../src/pipeline/ingest-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import type { FolderListing } from '../../src/platform/folder-source';
import { CORPUS, hasCorpus } from '../support/corpus';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';
import { goldState } from './pipeline-fixtures';


function listing(names: string[]): FolderListing {
  const files = names.map((n) => ({ path: `Music/${n}`, file: new File([readFileSync(`${CORPUS}/tags/beets/${n}`)], n, { lastModified: 1_000 }) }));
  return { root: 'Music', files, skipped: [], handle: null };
}

async function run(sql: SqlClient, names: string[]) {
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
  const analysers = new WorkerPool<AnalysisApi>(() => inProcessWorker(analysis), 1);
  let published = 0;
  try {
    const result = await runIngest(lakeOf(sql), listing(names), {
      kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined, onPublished: () => published++,
      analysis: { pool: analysers, whenNotPaused: async () => undefined },
    });
    return { ...result, published };
  } finally {
    pool.terminate();
    analysers.terminate();
  }
}

const steps = async (sql: SqlClient, runId: number) =>
  (await sql.query<{ step: string; state: string }>('SELECT step, state FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [runId])).map((s) => `${s.step}:${s.state}`);

/** A snapshot's rows as goldState gives gold's, to compare the two. */
async function snapshotState(sql: SqlClient, runId: number): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of await snapshotTables(sql, runId)) out[t.table.slice(5)] = await sql.query(`SELECT COLUMNS(c -> c <> 'run_id') FROM ${t.snap} ORDER BY ALL`);
  return out;
}

const FIRST = ['full.mp3', 'full.flac'];
const SECOND = [...FIRST, 'min.mp3'];
const BUILD = ['bronze', 'checks_bronze', 'silver', 'checks_silver', 'gold', 'checks_gold', 'publish'];

describe.skipIf(!hasCorpus)('one path to gold per run', () => {
  it('publishes the tags and the analysed build through snapshot and checks, and keeps one snapshot of the run: its last', async () => {
    const sql = await migratedClient();
    const first = await run(sql, FIRST);
    expect(first).toMatchObject({ state: 'succeeded', read: 2, published: 1 });
    expect(await steps(sql, first.runId)).toEqual([
      'scan', 'read_tags', ...BUILD.map((s) => `tags_${s}`), 'analyse', ...BUILD, 'anomalies',
    ].map((s) => `${s}:succeeded`));
    // Both publishes ran their checks; the rules' results of the run are the final build's.
    const [dq] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM meta.dq_results WHERE run_id = ? AND layer = 'gold'`, [first.runId]);
    expect(dq!.n).toBeGreaterThan(0);
    expect((await listSnapshots(sql)).map((s) => s.run_id)).toEqual([first.runId]);
    expect(await snapshotState(sql, first.runId)).toEqual(await goldState(sql));
    expect(await buildTables(sql)).toEqual([]);
  }, 180_000);

  it('an error-severity gold rule stops the tags publish: the run fails there and gold stays as it was, row for row', async () => {
    const sql = await migratedClient();
    const first = await run(sql, FIRST);
    expect(first.state).toBe('succeeded');
    const before = await goldState(sql);
    expect(before['track_facts']).toHaveLength(2);
    await sql.query(
      `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity, description)
       VALUES ('no_min', 'gold', 'query', 'gold.track_facts', 'SELECT path FROM gold.track_facts WHERE path = ''Music/min.mp3''', 'error', 'min.mp3 may not reach gold')`,
    );

    const second = await run(sql, SECOND);
    expect(second).toMatchObject({ state: 'failed', read: 1, analysed: 0, published: 0 });
    expect(second.error).toMatch(/^Step "tags_checks_gold" failed: 1 error rule failed on gold: no_min/);
    expect(await steps(sql, second.runId)).toEqual([
      'scan:succeeded', 'read_tags:succeeded', 'tags_bronze:succeeded', 'tags_checks_bronze:succeeded', 'tags_silver:succeeded',
      'tags_checks_silver:succeeded', 'tags_gold:succeeded', 'tags_checks_gold:failed',
    ]);
    expect(await goldState(sql)).toEqual(before);
    // The blocked build is dropped; the last good run's snapshot is still the one kept.
    expect(await buildTables(sql)).toEqual([]);
    expect(await snapshotTables(sql, second.runId)).toEqual([]);
    expect((await listSnapshots(sql)).map((s) => s.run_id)).toEqual([first.runId]);
    const [r] = await sql.query<{ state: string }>('SELECT state FROM meta.runs WHERE run_id = ?', [second.runId]);
    expect(r?.state).toBe('failed');
  }, 180_000);

  it('a rule that blocks only the final build leaves the tags publish in gold, kept as the run\'s snapshot', async () => {
    const sql = await migratedClient();
    const first = await run(sql, FIRST);
    expect(first.state).toBe('succeeded');
    // Passes while min.mp3 is unanalysed (the tags publish), fails once its analysis is in.
    await sql.query(
      `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity)
       VALUES ('min_unanalysed', 'gold', 'query', 'gold.track_facts', 'SELECT path FROM gold.track_facts WHERE path IN (SELECT path FROM raw.analysis WHERE path = ''Music/min.mp3'')', 'error')`,
    );
    const second = await run(sql, SECOND);
    expect(second).toMatchObject({ state: 'failed', published: 1 });
    expect(second.error).toMatch(/^Step "checks_gold" failed: .*min_unanalysed/);
    expect(await steps(sql, second.runId)).toEqual([
      ...['scan', 'read_tags', ...BUILD.map((s) => `tags_${s}`), 'analyse', ...BUILD.slice(0, 5)].map((s) => `${s}:succeeded`), 'checks_gold:failed',
    ]);
    const gold = await sql.query<{ path: string }>('SELECT path FROM gold.track_facts ORDER BY path');
    expect(gold.map((g) => g.path)).toEqual(SECOND.map((n) => `Music/${n}`).sort());
    expect(await buildTables(sql)).toEqual([]);
    expect(await snapshotState(sql, second.runId)).toEqual(await goldState(sql));
    expect((await listSnapshots(sql)).map((s) => s.run_id)).toEqual([second.runId, first.runId]);
  }, 180_000);
});
