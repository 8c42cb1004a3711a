// Where gold builds and kept snapshots live in the snap schema: a build is written to
// snap.build_r<run>__<table>, checked there, and on publish becomes the run's kept snapshot
// snap.r<run>__<table>. One kept snapshot per run: a run that publishes twice keeps its last.
import type { SqlClient } from '../engine/sql-client';

const KEPT = /^r(\d{6})__(\w+)$/;
const BUILD = /^build_r(\d{6})__(\w+)$/;
const run6 = (runId: number) => String(runId).padStart(6, '0');

export interface SnapTable {
  /** The gold table it is a copy of, e.g. gold.track_facts. */
  table: string;
  /** Its snap table, e.g. snap.r000012__track_facts. */
  snap: string;
}

/** Where a run's gold build goes (its build tables); other models keep their names. */
export function snapshotTarget(runId: number): (model: string) => string {
  return (model) => (model.startsWith('gold.') ? `snap.build_r${run6(runId)}__${model.slice(5)}` : model);
}

/** The name (in snap) a gold table of a run is kept under once published. */
export const keptName = (runId: number, table: string) => `r${run6(runId)}__${table.replace(/^gold\./, '')}`;

async function snapTables(sql: SqlClient, pattern: RegExp, runId?: number): Promise<(SnapTable & { runId: number })[]> {
  const rows = await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'snap' ORDER BY table_name`);
  const out: (SnapTable & { runId: number })[] = [];
  for (const r of rows) {
    const m = pattern.exec(r.table_name);
    if (m && (runId === undefined || Number(m[1]) === runId)) out.push({ table: `gold.${m[2]}`, snap: `snap.${r.table_name}`, runId: Number(m[1]) });
  }
  return out;
}

/** The kept snapshot of a run (what it last published), table by table; empty when none is kept. */
export async function snapshotTables(sql: SqlClient, runId: number): Promise<SnapTable[]> {
  return (await snapTables(sql, KEPT, runId)).map(({ table, snap }) => ({ table, snap }));
}

/** A run's unpublished gold build; every run when `runId` is left out (leftovers of a closed tab). */
export const buildTables = (sql: SqlClient, runId?: number) => snapTables(sql, BUILD, runId);

/** How many runs' snapshots are kept (meta.settings 'snapshots_keep'), 10 unless set. */
export async function keepCount(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ value: string }>(`SELECT value FROM meta.settings WHERE key = 'snapshots_keep'`);
  const n = Number(row?.value ?? 10);
  return Number.isInteger(n) && n >= 1 ? n : 10;
}
