// Snapshot compare: per gold table, rows before and after and rows added, removed and changed
// between two runs' kept snapshots, matched on the table's key, lineage columns left out.
import keyedSql from '../sql/snapshots/compare_keyed.sql?raw';
import rowsSql from '../sql/snapshots/compare_rows.sql?raw';
import uniqueSql from '../sql/snapshots/key_unique.sql?raw';
import publishedSql from '../sql/snapshots/run_published.sql?raw';
import { ident, type Row, type SqlClient } from '../engine/sql-client';
import { keepCount, snapshotTables, type SnapTable } from './snapshot-tables';

/**
 * The natural key (grain) of each gold table, as its model groups it. The model files are the
 * truth: a key is used only when it is unique in both snapshots, else the table is compared by
 * whole rows (as is a table not named here), and the result says which.
 */
export const GOLD_KEYS: Readonly<Record<string, readonly string[]>> = {
  'gold.track_facts': ['track_id'],
  'gold.artist_summary': ['artist_id'],
  'gold.bpm_summary': ['bpm_from'],
  'gold.dash_listens_daily': ['day', 'source', 'genre'],
  'gold.daily_track_listens': ['day', 'source', 'track_id', 'recording_key'],
  'gold.dash_listens_heatmap': ['day', 'source', 'genre', 'hour'],
  'gold.dash_listens_monthly_dims': ['month', 'source', 'genre', 'dim', 'value'],
  'gold.dash_missing_tags': ['tag', 'track_id'],
  'gold.dash_overview_top': ['kind', 'name'],
  'gold.dash_track_dims': ['track_id'],
  'gold.dash_track_usage': ['track_id'],
  'gold.duplicate_files': ['path'],
  'gold.genre_summary': ['genre'],
  'gold.key_summary': ['key'],
  'gold.label_summary': ['label'],
  'gold.listened_tracks': ['track_id', 'recording_key'],
  'gold.listening_daily': ['day', 'source'],
};

/** Row lineage stamped by the build (run_id changes every run): not data, so never a change. */
const LINEAGE = new Set(['run_id', 'source_run_id', 'model']);

export class SnapshotMissing extends Error {}

export interface SnapshotDiff extends Row {
  table: string;
  /** Rows in run a's snapshot; null when the table is not in it (a table new since). */
  rows_a: number | null;
  rows_b: number | null;
  added: number;
  removed: number;
  /** Rows whose key is in both and whose values differ; null when compared by whole rows (no key). */
  changed: number | null;
  /** How rows were matched: the key columns, or whole rows, or why not at all. */
  compared_by: string;
}

/** Compares run a's kept snapshot (before) with run b's (after), table by table; a run without one is an error saying why. */
export async function compareSnapshots(sql: SqlClient, a: number, b: number): Promise<SnapshotDiff[]> {
  const ta = new Map((await kept(sql, a)).map((t) => [t.table, t]));
  const tb = new Map((await kept(sql, b)).map((t) => [t.table, t]));
  const out: SnapshotDiff[] = [];
  for (const table of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
    const [sa, sb] = [ta.get(table), tb.get(table)];
    if (!sa || !sb) {
      const rows = await count(sql, (sa ?? sb)!.snap);
      out.push({
        table, rows_a: sa ? rows : null, rows_b: sb ? rows : null, added: sb ? rows : 0, removed: sa ? rows : 0, changed: 0,
        compared_by: sb ? `not in run ${a}'s snapshot: every row is added` : `not in run ${b}'s snapshot: every row is removed`,
      });
      continue;
    }
    out.push(await compareTable(sql, table, sa, sb));
  }
  return out;
}

async function compareTable(sql: SqlClient, table: string, a: SnapTable, b: SnapTable): Promise<SnapshotDiff> {
  const colsA = await columns(sql, a.snap);
  const colsB = await columns(sql, b.snap);
  const cols = colsB.filter((c) => colsA.includes(c) && !LINEAGE.has(c));
  const schemaNote = [
    ...colsB.filter((c) => !colsA.includes(c) && !LINEAGE.has(c)).map((c) => `+${c}`),
    ...colsA.filter((c) => !colsB.includes(c) && !LINEAGE.has(c)).map((c) => `-${c}`),
  ];
  const also = schemaNote.length ? `; columns in one snapshot only, not compared: ${schemaNote.join(', ')}` : '';
  const fill = (text: string, key: readonly string[] = []) =>
    text.replaceAll('{{a}}', ident(a.snap)).replaceAll('{{b}}', ident(b.snap))
      .replaceAll('{{key}}', key.map(ident).join(', ')).replaceAll('{{cols}}', cols.map(ident).join(', '));

  const key = GOLD_KEYS[table];
  let why = 'no key';
  if (key && key.every((k) => cols.includes(k))) {
    const [u] = await sql.query<{ is_key: boolean }>(fill(uniqueSql, key), []);
    if (u?.is_key) {
      const [d] = await sql.query<{ rows_a: number; rows_b: number; added: number; removed: number; changed: number }>(fill(keyedSql, key), []);
      return { table, rows_a: d!.rows_a, rows_b: d!.rows_b, added: d!.added, removed: d!.removed, changed: d!.changed, compared_by: `key ${key.join(', ')}${also}` };
    }
    why = `${key.join(', ')} is not unique here`;
  } else if (key) why = `a snapshot lacks ${key.filter((k) => !cols.includes(k)).join(', ')}`;
  const [d] = await sql.query<{ rows_a: number; rows_b: number; added: number; removed: number }>(fill(rowsSql), []);
  return {
    table, rows_a: d!.rows_a, rows_b: d!.rows_b, added: d!.added, removed: d!.removed, changed: null,
    compared_by: `whole rows (${why}): a changed row counts as 1 removed and 1 added${also}`,
  };
}

/** A run's kept snapshot, or SnapshotMissing saying why there is none. */
async function kept(sql: SqlClient, runId: number): Promise<SnapTable[]> {
  const tables = await snapshotTables(sql, runId);
  if (tables.length) return tables;
  const [run] = await sql.query<{ state: string; kind: string; published: boolean; failed_step: string | null }>(publishedSql, [runId]);
  if (!run) throw new SnapshotMissing(`There is no run ${runId}, so there is no snapshot of it to compare.`);
  if (run.state === 'running') throw new SnapshotMissing(`Run ${runId} is still running: its gold is kept as a snapshot once it publishes.`);
  if (run.published) {
    const keep = await keepCount(sql);
    throw new SnapshotMissing(`The snapshot of run ${runId} is no longer kept: gold is kept for the last ${keep === 1 ? 'run' : `${keep} runs`} only. Compare two runs from the list.`);
  }
  const ended = run.failed_step ? `failed at step "${run.failed_step}"` : run.state;
  throw new SnapshotMissing(`Run ${runId} (${run.kind}, ${ended}) published no gold, so it has no snapshot. Compare two runs from the list.`);
}

async function count(sql: SqlClient, table: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(table)}`);
  return row?.n ?? 0;
}

async function columns(sql: SqlClient, table: string): Promise<string[]> {
  const [schema, name] = table.split('.');
  const rows = await sql.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
    [schema, name],
  );
  return rows.map((r) => r.column_name);
}
