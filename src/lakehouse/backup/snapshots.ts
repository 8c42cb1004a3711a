// Gold snapshots: every gold build is written to snap first (snapshot-tables.ts names them),
// checked there, then copied into gold in one transaction (the swap) and kept as the run's
// snapshot. The last N runs' snapshots stay for compare and restore; N is meta.settings 'snapshots_keep'.
// Restoring and the keep count join the caller's transaction; src/app/commands/pipeline.ts adds
// their audit lines.
import { MODELS } from '../models/models';
import { ident, type Row, type SqlClient } from '../engine/sql-client';
import { buildTables, keepCount, keptName, snapshotTables } from './snapshot-tables';

export { keepCount, snapshotTarget, snapshotTables, type SnapTable } from './snapshot-tables';
export { compareSnapshots, SnapshotMissing, type SnapshotDiff } from './snapshot-compare';

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

/** Puts a kept snapshot back into gold, in one transaction; returns the gold tables it replaced. */
export async function restoreSnapshot(sql: SqlClient, runId: number): Promise<string[]> {
  const tables = await snapshotTables(sql, runId);
  if (!tables.length) throw new Error(`Snapshot of run ${runId} is no longer kept`);
  return sql.transaction(async () => {
    for (const t of tables) await sql.exec(`CREATE OR REPLACE TABLE ${ident(t.table)} AS FROM ${ident(t.snap)}`);
    await sql.query('UPDATE meta.snapshots SET restored_at = now() WHERE run_id = ?', [runId]);
    await sql.query(`INSERT INTO meta.logs (level, run_id, step, message) VALUES ('info', NULL, 'restore', ?)`, [
      `Gold restored from the snapshot of run ${runId} (${tables.map((t) => t.table).join(', ')})`,
    ]);
    return tables.map((t) => t.table);
  });
}

export const GOLD_MODELS = MODELS.filter((m) => m.layer === 'gold').map((m) => m.name);
