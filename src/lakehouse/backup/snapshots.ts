// Gold snapshots: every gold build is written to snap first (snapshot-tables.ts names them),
// checked there, then copied into gold in one transaction (the swap) and kept as the run's
// snapshot. The last N runs' snapshots stay for compare and restore; N is meta.settings 'snapshots_keep'.
import { MODELS } from '../models/models';
import { ident, type Row, type SqlClient } from '../engine/sql-client';
import { recordAudit } from '../runs/audit';
import { buildTables, keepCount, keptName, snapshotTables } from './snapshot-tables';

export { keepCount, snapshotTarget, snapshotTables, type SnapTable } from './snapshot-tables';

/**
 * The swap: copies a run's gold build over gold in one transaction, so readers see the old gold
 * or the new, and keeps the build as the run's snapshot. A run that published before (its tags,
 * ahead of analysis) keeps one snapshot, the last: this build replaces the earlier one in the
 * same transaction, so compare and restore list each run once, as it last published.
 */
export async function publishSnapshot(sql: SqlClient, runId: number): Promise<{ tables: number; rows: number }> {
  const built = await buildTables(sql, runId);
  if (!built.length) throw new Error(`Run ${runId} has no gold build to publish`);
  return sql.transaction(async () => {
    for (const old of await snapshotTables(sql, runId)) await sql.exec(`DROP TABLE ${ident(old.snap)}`);
    let rows = 0;
    for (const t of built) {
      await sql.exec(`CREATE OR REPLACE TABLE ${ident(t.table)} AS FROM ${ident(t.snap)}`);
      await sql.exec(`ALTER TABLE ${ident(t.snap)} RENAME TO ${ident(keptName(runId, t.table))}`);
      const [n] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t.table)}`);
      rows += n?.n ?? 0;
    }
    await sql.query(`INSERT OR REPLACE INTO meta.snapshots (run_id, created_at, tables, total_rows) VALUES (?, now(), ?, ?)`, [
      runId, built.map((t) => t.table).join(', '), rows,
    ]);
    // Builds of runs that ended without publishing or dropping them (a tab closed mid-build):
    // runs never overlap, so any build but this run's is such a leftover.
    for (const left of await buildTables(sql)) if (left.runId !== runId) await sql.exec(`DROP TABLE IF EXISTS ${ident(left.snap)}`);
    await pruneSnapshots(sql);
    return { tables: built.length, rows };
  });
}

/** Drops a run's unpublished gold build (one that failed a step or its checks); what the run published before stays. */
export async function dropBuild(sql: SqlClient, runId: number): Promise<void> {
  for (const t of await buildTables(sql, runId)) await sql.exec(`DROP TABLE IF EXISTS ${ident(t.snap)}`);
}

/** Drops a run's kept snapshot (one past the keep limit). */
export async function dropSnapshot(sql: SqlClient, runId: number): Promise<void> {
  for (const t of await snapshotTables(sql, runId)) await sql.exec(`DROP TABLE IF EXISTS ${ident(t.snap)}`);
  await sql.query('DELETE FROM meta.snapshots WHERE run_id = ?', [runId]);
}

export async function setKeepCount(sql: SqlClient, n: number): Promise<void> {
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('Keep between 1 and 100 snapshots');
  await sql.query(`INSERT OR REPLACE INTO meta.settings (key, value, description) VALUES ('snapshots_keep', ?, 'How many gold snapshots are kept')`, [String(n)]);
  await pruneSnapshots(sql);
  await recordAudit(sql, 'setting', `Keep ${n} gold snapshots`);
}

async function pruneSnapshots(sql: SqlClient): Promise<void> {
  const keep = await keepCount(sql);
  const old = await sql.query<{ run_id: number }>('SELECT run_id FROM meta.snapshots ORDER BY run_id DESC OFFSET ?', [keep]);
  for (const o of old) await dropSnapshot(sql, o.run_id);
}

export const listSnapshots = (sql: SqlClient) =>
  sql.query<Row & { run_id: number }>(
    `SELECT s.run_id, strftime(s.created_at, '%Y-%m-%d %H:%M:%S') AS created, r.kind, s.tables, s.total_rows,
            strftime(s.restored_at, '%Y-%m-%d %H:%M:%S') AS restored
     FROM meta.snapshots s LEFT JOIN meta.runs r USING (run_id) ORDER BY s.run_id DESC`,
  );

export interface SnapshotDiff extends Row {
  table: string;
  rows_a: number;
  rows_b: number;
  added: number;
  removed: number;
  changed: number;
}

/**
 * Rows added, removed and changed per gold table from snapshot a to b. Rows are matched on the
 * table's first column (its key); "changed" compares the columns both snapshots have.
 */
export async function compareSnapshots(sql: SqlClient, a: number, b: number): Promise<SnapshotDiff[]> {
  const ta = new Map((await snapshotTables(sql, a)).map((t) => [t.table, t.snap]));
  const out: SnapshotDiff[] = [];
  for (const t of await snapshotTables(sql, b)) {
    const snapA = ta.get(t.table);
    const colsB = await columns(sql, t.snap);
    const colsA = snapA ? await columns(sql, snapA) : [];
    const common = colsB.filter((c) => colsA.includes(c) && c !== 'run_id' && c !== 'model');
    const [rowsB] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t.snap)}`);
    if (!snapA || !common.length) {
      out.push({ table: t.table, rows_a: 0, rows_b: rowsB?.n ?? 0, added: rowsB?.n ?? 0, removed: 0, changed: 0 });
      continue;
    }
    const key = ident(common[0]!);
    const list = common.map(ident).join(', ');
    const [d] = await sql.query<{ rows_a: number; added: number; removed: number; changed: number }>(
      `SELECT (SELECT count(*) FROM ${ident(snapA)}) AS rows_a,
              (SELECT count(*) FROM (SELECT ${key} FROM ${ident(t.snap)} EXCEPT SELECT ${key} FROM ${ident(snapA)})) AS added,
              (SELECT count(*) FROM (SELECT ${key} FROM ${ident(snapA)} EXCEPT SELECT ${key} FROM ${ident(t.snap)})) AS removed,
              (SELECT count(DISTINCT ${key}) FROM (SELECT ${list} FROM ${ident(t.snap)} EXCEPT SELECT ${list} FROM ${ident(snapA)})
                 WHERE ${key} IN (SELECT ${key} FROM ${ident(snapA)})) AS changed`,
      [],
    );
    out.push({ table: t.table, rows_a: d?.rows_a ?? 0, rows_b: rowsB?.n ?? 0, added: d?.added ?? 0, removed: d?.removed ?? 0, changed: d?.changed ?? 0 });
  }
  return out;
}

/** Puts a kept snapshot back into gold, in one transaction. */
export async function restoreSnapshot(sql: SqlClient, runId: number): Promise<void> {
  const tables = await snapshotTables(sql, runId);
  if (!tables.length) throw new Error(`Snapshot of run ${runId} is no longer kept`);
  await sql.transaction(async () => {
    for (const t of tables) await sql.exec(`CREATE OR REPLACE TABLE ${ident(t.table)} AS FROM ${ident(t.snap)}`);
    await sql.query('UPDATE meta.snapshots SET restored_at = now() WHERE run_id = ?', [runId]);
    await sql.query(`INSERT INTO meta.logs (level, run_id, step, message) VALUES ('info', NULL, 'restore', ?)`, [
      `Gold restored from the snapshot of run ${runId} (${tables.map((t) => t.table).join(', ')})`,
    ]);
  });
  await recordAudit(sql, 'snapshot-restore', `Gold restored from the snapshot of run ${runId}`);
}

async function columns(sql: SqlClient, table: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const rows = await sql.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
    [schema, name],
  );
  return rows.map((r) => r.column_name);
}

export const GOLD_MODELS = MODELS.filter((m) => m.layer === 'gold').map((m) => m.name);
