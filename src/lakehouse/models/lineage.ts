// Table-level lineage for /lineage: the model graph (edges from each model's declared inputs)
// with the rows each table held after a run, read from meta.lineage.
import { MODELS } from './models';
import { ident, type Row, type SqlClient } from '../engine/sql-client';

export interface LineageNode {
  name: string;
  layer: 'raw' | 'meta' | 'bronze' | 'silver' | 'gold' | 'other';
  rows: number | null;
  rowsIn: number | null;
  mode: string | null;
  seconds: number | null;
  isModel: boolean;
}

export interface LineageGraph {
  runId: number | null;
  nodes: LineageNode[];
  edges: { from: string; to: string }[];
}

const LAYERS = ['raw', 'meta', 'bronze', 'silver', 'gold'] as const;

export async function lineageGraph(sql: SqlClient, runId?: number | null): Promise<LineageGraph> {
  const [latest] = await sql.query<{ run_id: number | null }>('SELECT max(run_id) AS run_id FROM meta.lineage');
  const run = runId ?? latest?.run_id ?? null;
  // Each model's latest build at or before the run: a run that failed early still shows the rest.
  const built = run === null ? [] : await sql.query<{ model: string; rows_out: number; rows_in: number; mode: string; seconds: number }>(
    `SELECT model, arg_max(rows_out, run_id) AS rows_out, arg_max(rows_in, run_id) AS rows_in, arg_max(mode, run_id) AS mode,
            arg_max(seconds, run_id) AS seconds
     FROM meta.lineage WHERE run_id <= ? GROUP BY model`,
    [run],
  );
  const byModel = new Map(built.map((b) => [b.model, b]));
  const names = new Set<string>();
  const edges: LineageGraph['edges'] = [];
  for (const m of MODELS) {
    names.add(m.name);
    for (const d of m.depends) {
      names.add(d);
      edges.push({ from: d, to: m.name });
    }
  }
  const present = new Set(
    (await sql.query<{ name: string }>(`SELECT table_schema || '.' || table_name AS name FROM information_schema.tables`)).map((r) => r.name),
  );
  const nodes: LineageNode[] = [];
  for (const name of [...names].sort()) {
    const b = byModel.get(name);
    const schema = name.split('.')[0]!;
    let rows: number | null = b?.rows_out ?? null;
    if (!b && present.has(name)) {
      // Sources (raw.*, meta.*) are not built by models: their current size is what the models read.
      const [r] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(name)}`);
      rows = r?.n ?? 0;
    }
    nodes.push({
      name, layer: (LAYERS as readonly string[]).includes(schema) ? (schema as LineageNode['layer']) : 'other', rows,
      rowsIn: b?.rows_in ?? null, mode: b?.mode ?? null, seconds: b?.seconds ?? null, isModel: MODELS.some((m) => m.name === name),
    });
  }
  return { runId: run, nodes, edges };
}

export const lineageRuns = (sql: SqlClient) =>
  sql.query<{ run_id: number; models: number } & Row>('SELECT run_id, count(*) AS models FROM meta.lineage GROUP BY run_id ORDER BY run_id DESC LIMIT 50');

export const lineageRows = (sql: SqlClient, runId: number) =>
  sql.query(
    `SELECT model, layer, mode, inputs, output, rows_in, rows_out, round(seconds, 3) AS seconds FROM meta.lineage WHERE run_id = ? ORDER BY layer, model`,
    [runId],
  );
