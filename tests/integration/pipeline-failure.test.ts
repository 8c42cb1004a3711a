// Issue 4, failure handling on the real engine: a failing step and an error-severity rule both
// leave the last good gold exactly as it was and the run failed; warnings record and continue.
import { describe, expect, it } from 'vitest';
import { snapshotTables } from '../../src/lakehouse/backup/snapshots';
import { migratedClient } from '../support/node-db';
import { buildRun, goldState, ingestRun, record } from './pipeline-fixtures';

const LIB = [
  record('Music/a.mp3', { title: 'A', year: 2013, date_text: '2013' }),
  record('Music/b.mp3', { title: 'B', year: 1999, date_text: '1999' }),
  record('Music/c.mp3', { title: 'C', artist: null, artists: null }),
];
const changedB = record('Music/b.mp3', { title: 'B2', year: 1999, date_text: '1999', size_bytes: 2000, last_modified_ms: 2 });

async function steps(sql: Awaited<ReturnType<typeof migratedClient>>, runId: number) {
  return sql.query<{ step: string; state: string; error: string | null }>('SELECT step, state, error FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [runId]);
}

describe('failure handling', () => {
  it('a failing step leaves gold untouched and the run failed', async () => {
    const sql = await migratedClient();
    expect((await ingestRun(sql, 'Music', LIB)).state).toBe('succeeded');
    const before = await goldState(sql);
    // A real failure, not a mock: an input gold reads has gone.
    await sql.exec('ALTER TABLE raw.analysis RENAME TO analysis_gone');
    const run = await ingestRun(sql, 'Music', [changedB], LIB.map((r) => r.path));
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/Step "gold" failed/);
    const s = await steps(sql, run.runId);
    expect(s.map((x) => `${x.step}:${x.state}`)).toEqual(['bronze:succeeded', 'checks_bronze:succeeded', 'silver:succeeded', 'checks_silver:succeeded', 'gold:failed']);
    expect(await goldState(sql)).toEqual(before);
    expect(await snapshotTables(sql, run.runId)).toEqual([]);
    const [r] = await sql.query<{ state: string }>('SELECT state FROM meta.runs WHERE run_id = ?', [run.runId]);
    expect(r?.state).toBe('failed');
    // Once the input is back, the next run publishes the change.
    await sql.exec('ALTER TABLE raw.analysis_gone RENAME TO analysis');
    expect((await buildRun(sql)).state).toBe('succeeded');
    expect(await sql.query(`SELECT title FROM gold.track_facts WHERE path = 'Music/b.mp3'`)).toEqual([{ title: 'B2' }]);
  });

  it('an error-severity rule blocks gold; a warning records and continues', async () => {
    const sql = await migratedClient();
    expect((await ingestRun(sql, 'Music', LIB)).state).toBe('succeeded');
    const before = await goldState(sql);
    await sql.query(
      `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity, description) VALUES ('modern', 'silver', 'predicate', 'silver.tracks', 'year >= 2000', 'error', 'Only this century')`,
    );
    const run = await ingestRun(sql, 'Music', [changedB], LIB.map((r) => r.path));
    expect(run.state).toBe('failed');
    expect(run.error).toMatch(/checks_silver.*modern/);
    expect((await steps(sql, run.runId)).at(-1)).toMatchObject({ step: 'checks_silver', state: 'failed' });
    expect(await goldState(sql)).toEqual(before);
    const [res] = await sql.query<{ status: string; failing_rows: number; sample: string }>(`SELECT status, failing_rows, sample FROM meta.dq_results WHERE run_id = ? AND rule_id = 'modern'`, [run.runId]);
    expect(res).toMatchObject({ status: 'failed', failing_rows: 1 });
    expect(JSON.parse(res!.sample)[0]).toMatchObject({ path: 'Music/b.mp3', year: 1999 });
    // Artist is missing on 1 of 3 tracks: the completeness warning fails but does not block.
    const [warn] = await sql.query<{ status: string; observed: number }>(`SELECT status, observed FROM meta.dq_results WHERE run_id = ? AND rule_id = 'silver_artist_complete'`, [run.runId]);
    expect(warn?.status).toBe('failed');
    expect(warn?.observed).toBeCloseTo(2 / 3);

    await sql.exec(`UPDATE meta.dq_rules SET severity = 'warn' WHERE rule_id = 'modern'`);
    const next = await buildRun(sql);
    expect(next.state).toBe('succeeded');
    expect(await sql.query(`SELECT title FROM gold.track_facts WHERE path = 'Music/b.mp3'`)).toEqual([{ title: 'B2' }]);
  });

  it('a failing gold rule keeps the snapshot out of gold and drops it', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', LIB);
    const before = await goldState(sql);
    await sql.query(
      `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity) VALUES ('no_b2', 'gold', 'query', 'gold.track_facts', 'SELECT path FROM gold.track_facts WHERE title = ''B2''', 'error')`,
    );
    const run = await ingestRun(sql, 'Music', [changedB], LIB.map((r) => r.path));
    expect(run.state).toBe('failed');
    expect((await steps(sql, run.runId)).at(-1)).toMatchObject({ step: 'checks_gold', state: 'failed' });
    expect(await goldState(sql)).toEqual(before);
    expect(await snapshotTables(sql, run.runId)).toEqual([]);
  });

  it('rules cannot write', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', LIB);
    await sql.query(
      `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity) VALUES
        ('sneaky', 'silver', 'query', 'silver.tracks', 'SELECT 1; DELETE FROM meta.runs', 'error'),
        ('sneaky2', 'silver', 'query', 'silver.tracks', 'DELETE FROM meta.runs RETURNING *', 'error'),
        ('sneaky3', 'silver', 'predicate', 'silver.tracks', '(SELECT count(*) FROM meta.runs) >= 0 OR setseed(0.5) IS NULL', 'warn')`,
    );
    const run = await buildRun(sql);
    expect(run.state).toBe('succeeded');
    const res = await sql.query<{ rule_id: string; status: string }>(`SELECT rule_id, status FROM meta.dq_results WHERE run_id = ? AND rule_id LIKE 'sneaky%' ORDER BY rule_id`, [run.runId]);
    expect(res.slice(0, 2).map((r) => r.status)).toEqual(['error', 'error']);
    const [runs] = await sql.query<{ n: number }>('SELECT count(*) AS n FROM meta.runs');
    expect(runs?.n).toBe(2);
  });
});

describe('referential integrity', () => {
  it('finds rows whose reference is missing, with a sample, as a warning', async () => {
    const sql = await migratedClient();
    await sql.query(`INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, column_name, arg, severity) VALUES ('gold_analysed', 'gold', 'refint', 'gold.track_facts', 'path', 'raw.analysis.path', 'warn')`);
    const run = await ingestRun(sql, 'Music', LIB);
    expect(run.state).toBe('succeeded');
    const [res] = await sql.query<{ status: string; failing_rows: number; sample: string }>(`SELECT status, failing_rows, sample FROM meta.dq_results WHERE run_id = ? AND rule_id = 'gold_analysed'`, [run.runId]);
    expect(res).toMatchObject({ status: 'failed', failing_rows: 3 });
    expect(JSON.parse(res!.sample)).toHaveLength(3);
  });
});
