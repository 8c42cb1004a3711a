// The /pipeline commands on the real engine: restoring a gold snapshot claims the lakehouse
// (refused while a run holds it), puts the snapshot's gold back with its log and audit line in one
// transaction, and announces gold and meta; the person's ratings since then are derived into it
// again. A restore whose audit line fails keeps nothing. The keep count is checked before it is
// written, and prunes at once.
import { describe, expect, it } from 'vitest';
import { restoreSnapshot, setKeepCount } from '../../src/app/commands/pipeline';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { auditLines, withoutAuditLog } from '../support/audit-log';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';
import { goldState, ingestRun, record } from './pipeline-fixtures';

/** Two successful runs, so two kept snapshots; returns gold as each run left it. */
async function twoRuns() {
  const sql = await migratedClient();
  await ingestRun(sql, 'Music', [record('Music/a.mp3'), record('Music/b.mp3')]);
  const first = await goldState(sql);
  await ingestRun(sql, 'Music', [record('Music/a.mp3'), record('Music/b.mp3'), record('Music/c.mp3')]);
  return { sql, first, second: await goldState(sql) };
}

const restoreLogs = async (sql: SqlClient) => (await sql.query("SELECT message FROM meta.logs WHERE step = 'restore'")).length;

describe('pipeline commands', () => {
  it('restores a snapshot only when the lakehouse is free, with its log and audit line, announcing gold and meta', async () => {
    const { sql, first, second } = await twoRuns();
    expect(first).not.toEqual(second);
    const ctx = testCommandContext(sql);

    ctx.busy = true;
    expect(await restoreSnapshot(ctx, 1)).toMatchObject({ ok: false, reason: 'busy' });
    expect(await goldState(sql)).toEqual(second);
    expect([ctx.released, ctx.announced, await auditLines(sql), await restoreLogs(sql)]).toEqual([[], [], [], 0]);

    ctx.busy = false;
    const restored = await restoreSnapshot(ctx, 1);
    expect(restored.ok && restored.value).toContain('gold.track_facts');
    expect(await goldState(sql)).toEqual(first);
    expect(await auditLines(sql)).toEqual(['snapshot-restore: Gold restored from the snapshot of run 1']);
    expect(await restoreLogs(sql)).toBe(1);
    expect(await sql.query('SELECT run_id FROM meta.snapshots WHERE restored_at IS NOT NULL')).toEqual([{ run_id: 1 }]);
    expect(ctx.announced[0]).toEqual(['gold.*', 'meta.*', 'meta.audit_log']);
    expect(ctx.announced[1]).toEqual(expect.arrayContaining(['gold.track_facts', 'silver.track_interactions'])); // the interactions, again
    expect(ctx.released).toEqual(['succeeded']);
  });

  it('keeps the ratings made since the snapshot in the restored gold', async () => {
    const { sql } = await twoRuns();
    const [a] = await sql.query<{ track_id: string }>("SELECT track_id FROM gold.track_facts WHERE path = 'Music/a.mp3'");
    await sql.query("INSERT INTO raw.user_ratings VALUES (?, 4, now()::TIMESTAMP, 'track-page')", [a!.track_id]);
    const ctx = testCommandContext(sql);
    expect((await restoreSnapshot(ctx, 1)).ok).toBe(true);
    expect(await sql.query("SELECT rating FROM gold.track_facts WHERE path = 'Music/a.mp3'")).toEqual([{ rating: 4 }]);
    expect(ctx.said.filter((s) => s.kind === 'error')).toEqual([]);
  });

  it('keeps gold as it was when the restore cannot be recorded or the snapshot is gone', async () => {
    const { sql, second } = await twoRuns();
    const ctx = testCommandContext(sql);
    expect(await withoutAuditLog(sql, () => restoreSnapshot(ctx, 1))).toMatchObject({ ok: false, reason: 'failed' });
    expect(await restoreSnapshot(ctx, 99)).toMatchObject({ ok: false, error: 'Snapshot of run 99 is no longer kept' });
    expect(await goldState(sql)).toEqual(second);
    expect([await restoreLogs(sql), await auditLines(sql), ctx.announced, ctx.released]).toEqual([0, [], [], ['failed', 'failed']]);
    expect(await sql.query('SELECT run_id FROM meta.snapshots WHERE restored_at IS NOT NULL')).toEqual([]);
  });

  it('checks the keep count before writing it, and prunes the oldest snapshots at once', async () => {
    const { sql } = await twoRuns();
    const ctx = testCommandContext(sql);
    expect(await setKeepCount(ctx, 0)).toMatchObject({ ok: false, error: 'Keep between 1 and 100 snapshots' });
    expect(await sql.query('SELECT run_id FROM meta.snapshots ORDER BY run_id')).toEqual([{ run_id: 1 }, { run_id: 2 }]);
    expect((await setKeepCount(ctx, 1)).ok).toBe(true);
    expect(await sql.query('SELECT run_id FROM meta.snapshots')).toEqual([{ run_id: 2 }]);
    expect(await sql.query("SELECT count(*)::INT AS n FROM information_schema.tables WHERE table_schema = 'snap' AND starts_with(table_name, 'r000001__')")).toEqual([{ n: 0 }]);
    expect(await auditLines(sql)).toEqual(['setting: Keep 1 gold snapshots']);
    expect(ctx.announced).toEqual([['meta.settings', 'meta.snapshots', 'snap.*', 'meta.audit_log']]);
  });
});
