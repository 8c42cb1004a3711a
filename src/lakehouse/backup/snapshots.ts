// Gold snapshots: every gold build is written to snap.r<run>__<table> first, checked there, then
// copied into gold in one transaction (the swap). The last N builds stay in snap for compare and
// restore; N is meta.settings 'snapshots_keep'.
import { MODELS } from '../models/models';
import { ident, type Row, type SqlClient } from '../engine/sql-client';
import { recordAudit } from '../runs/audit';

const PREFIX = /^r(\d{6})__(\w+)$/;

/** The snapshot table of a gold model for a run; other models keep their names. */
export function snapshotTarget(runId: number): (model: string) => string {
  return (model) => (model.startsWith('gold.') ? `snap.r${String(runId).padStart(6, '0')}__${model.slice(5)}` : model);
}

export async function snapshotTables(sql: SqlClient, runId: number): Promise<{ table: string; snap: string }[]> {
  const rows = await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'snap' ORDER BY table_name`);
  const out: { table: string; snap: string }[] = [];
  for (const r of rows) {
    const m = PREFIX.exec(r.table_name);
    if (m && Number(m[1]) === runId) out.push({ table: `gold.${m[2]}`, snap: `snap.${r.table_name}` });
  }
  return out;
}

/** The swap: copies a snapshot's tables over gold in one transaction, so readers see the old gold or the new. */
export async function publishSnapshot(sql: SqlClient, runId: number): Promise<{ tables: number; rows: number }> {
  const tables = await snapshotTables(sql, runId);
  if (!tables.length) throw new Error(`Run ${runId} has no gold snapshot to publish`);
  return sql.transaction(async () => {
    let rows = 0;
    for (const t of tables) {
      await sql.exec(`CREATE OR REPLACE TABLE ${ident(t.table)} AS FROM ${ident(t.snap)}`);
      const [n] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(t.table)}`);
      rows += n?.n ?? 0;
    }
    await sql.query(`INSERT OR REPLACE INTO meta.snapshots (run_id, created_at, tables, total_rows) VALUES (?, now(), ?, ?)`, [
      runId, tables.map((t) => t.table).join(', '), rows,
    ]);
    await pruneSnapshots(sql);
    return { tables: tables.length, rows };
  });
}

/** Drops a snapshot's tables (a gold build that failed its checks, or one past the keep limit). */
export async function dropSnapshot(sql: SqlClient, runId: number): Promise<void> {
  for (const t of await snapshotTables(sql, runId)) await sql.exec(`DROP TABLE IF EXISTS ${ident(t.snap)}`);
  await sql.query('DELETE FROM meta.snapshots WHERE run_id = ?', [runId]);
}

export async function keepCount(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ value: string }>(`SELECT value FROM meta.settings WHERE key = 'snapshots_keep'`);
  const n = Number(row?.value ?? 10);
  return Number.isInteger(n) && n >= 1 ? n : 10;
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
