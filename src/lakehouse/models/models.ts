// The model runner: builds the DAG of sql/models/{bronze,silver,gold}/*.sql and runs a layer in
// one transaction. Incremental models re-derive only the keys whose inputs changed; every build
// records its lineage (inputs, output, rows in/out) and the model file's hash in meta.
import macrosSql from '../sql/macros.sql?raw';
import { setArtistSplitVariable } from './artist-separators';
import { hashText, orderModels, parseModel, type Layer, type Model } from './model-files';
import { ident, type SqlClient } from '../engine/sql-client';

export { orderModels, parseModel, type Layer, type Model } from './model-files';

const files = import.meta.glob('../sql/models/*/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const MODELS: Model[] = orderModels(Object.entries(files).map(([path, sql]) => parseModel(path, sql)));

export interface RunModelsOptions {
  /** Stamped on every row (run_id) and on the lineage rows; 0 for ad-hoc builds. */
  runId?: number;
  /** Rebuild every model whole instead of only what changed. */
  full?: boolean;
  /** Where a model's output goes (gold builds go to a snapshot table first); default its own name. */
  target?: (model: string) => string;
  /** The models to consider (tests pass a broken one); default MODELS. */
  models?: Model[];
}

export interface BuiltModel {
  model: string;
  layer: Layer;
  output: string;
  mode: 'full' | 'incremental';
  inputs: string[];
  rowsIn: number;
  rows: number;
  seconds: number;
}

/**
 * Rewrites references to the given models into their targets: word-bounded (gold.x_y is not
 * gold.x) and never inside a comment or string literal, so `'gold.x' AS model` stays as written.
 */
export function retarget(text: string, target: (model: string) => string, models: Model[]): string {
  const moved = models.filter((m) => target(m.name) !== m.name);
  if (!moved.length) return text;
  return text
    .split(/(--[^\n]*|'(?:[^']|'')*')/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a comment or a string literal
      let out = part;
      for (const m of moved) out = out.replace(new RegExp(`\\b${m.name.replace('.', '\\.')}\\b`, 'g'), target(m.name));
      return out;
    })
    .join('');
}

/** Rebuilds every model of the given layers in one transaction: readers see old or new, never half. */
export async function runModels(sql: SqlClient, layers: Layer[], opts: RunModelsOptions = {}): Promise<BuiltModel[]> {
  const all = opts.models ?? MODELS;
  const target = opts.target ?? ((name: string) => name);
  const runId = opts.runId ?? 0;
  if (!Number.isInteger(runId)) throw new Error(`Run id must be an integer, got ${runId}`);
  return sql.transaction(async () => {
    await ensureMacros(sql);
    await sql.exec(`SET VARIABLE wolfie_run_id = ${runId}`);
    await setArtistSplitVariable(sql);
    const existing = new Set(
      (await sql.query<{ name: string }>(`SELECT table_schema || '.' || table_name AS name FROM information_schema.tables`)).map((r) => r.name),
    );
    const states = new Map(
      (await sql.query<{ model: string; sql_hash: string }>('SELECT model, sql_hash FROM meta.model_state')).map((r) => [r.model, r.sql_hash]),
    );
    const out: BuiltModel[] = [];
    for (const m of all.filter((m) => layers.includes(m.layer))) {
      const started = performance.now();
      const output = target(m.name);
      const text = (s: string) => retarget(s, target, all);
      // The shared macros are part of every model: editing them rebuilds everything once.
      const hash = hashText(macrosSql + m.sql);
      const incremental = !!m.incremental && !opts.full && states.get(m.name) === hash && existing.has(output);
      let rowsIn = 0;
      if (incremental && m.incremental && m.select) {
        await sql.exec(`CREATE OR REPLACE TEMP TABLE changed_keys AS SELECT ${ident(m.incremental.key)} AS key FROM (${text(m.incremental.changed)})`);
        await sql.exec(`SET VARIABLE wolfie_full = false`);
        await sql.exec(`DELETE FROM ${ident(output)} WHERE ${ident(m.incremental.key)} IN (SELECT key FROM changed_keys)`);
        await sql.exec(`INSERT INTO ${ident(output)} BY NAME ${text(m.select)}`);
        rowsIn = await count(sql, 'changed_keys');
      } else {
        await sql.exec(`CREATE OR REPLACE TEMP TABLE changed_keys (key VARCHAR); SET VARIABLE wolfie_full = true`);
        await sql.exec(m.select ? `CREATE OR REPLACE TABLE ${ident(output)} AS ${text(m.select)}` : text(m.sql));
        for (const dep of m.depends) {
          const input = all.some((x) => x.name === dep) ? target(dep) : dep;
          if (existing.has(input) || out.some((b) => b.output === input)) rowsIn += await count(sql, input);
        }
      }
      existing.add(output);
      const rows = await count(sql, output);
      const built: BuiltModel = {
        model: m.name, layer: m.layer, output, mode: incremental ? 'incremental' : 'full', inputs: m.depends, rowsIn, rows,
        seconds: (performance.now() - started) / 1000,
      };
      out.push(built);
      await sql.query(
        `INSERT OR REPLACE INTO meta.model_state (model, sql_hash, built_run, built_at) VALUES (?, ?, ?, now())`,
        [m.name, hash, runId],
      );
      await sql.query(
        `INSERT OR REPLACE INTO meta.lineage (run_id, model, layer, inputs, output, mode, rows_in, rows_out, seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [runId, m.name, m.layer, m.depends.join(', '), output, built.mode, rowsIn, rows, built.seconds],
      );
    }
    return out;
  });
}

/** The macros persist in the database: re-create them only when macros.sql changed (or they are missing). */
export async function ensureMacros(sql: SqlClient): Promise<void> {
  const hash = hashText(macrosSql);
  const [row] = await sql.query<{ value: string | null; present: number }>(
    `SELECT (SELECT value FROM meta.settings WHERE key = 'macros_hash') AS value,
            (SELECT count(*) FROM duckdb_functions() WHERE schema_name = 'silver' AND function_name = 'clean_text') AS present`,
  );
  if (row?.value === hash && row.present > 0) return;
  await sql.exec(macrosSql);
  await sql.query(`INSERT OR REPLACE INTO meta.settings (key, value, description) VALUES ('macros_hash', ?, 'Hash of the silver macros last created')`, [hash]);
}

async function count(sql: SqlClient, table: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(table)}`);
  return row?.n ?? 0;
}
