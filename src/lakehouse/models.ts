// The model runner: SQL files under sql/models/{bronze,silver,gold} declare what they build and
// read in a header; the runner orders them by those edges and runs each as one statement script.
import type { SqlClient } from './sql-client';

const files = import.meta.glob('./sql/models/*/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Model {
  name: string; // schema.table it builds
  layer: 'bronze' | 'silver' | 'gold';
  depends: string[];
  sql: string;
}

export function parseModel(path: string, sql: string): Model {
  const name = /^--\s*model:\s*([\w.]+)/m.exec(sql)?.[1];
  if (!name) throw new Error(`${path}: first lines must declare '-- model: schema.table'`);
  const depends = (/^--\s*depends:\s*(.*)$/m.exec(sql)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const layer = name.split('.')[0];
  if (layer !== 'bronze' && layer !== 'silver' && layer !== 'gold') throw new Error(`${path}: model ${name} is not in a medallion layer`);
  return { name, layer, depends, sql };
}

export const MODELS: Model[] = orderModels(Object.entries(files).map(([path, sql]) => parseModel(path, sql)));

/** Topological order; inputs that no model builds (raw.*, meta.*) are sources. A cycle is a bug. */
export function orderModels(models: Model[]): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const ordered: Model[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (m: Model, trail: string[]) => {
    if (state.get(m.name) === 'done') return;
    if (state.get(m.name) === 'visiting') throw new Error(`Model cycle: ${[...trail, m.name].join(' -> ')}`);
    state.set(m.name, 'visiting');
    for (const dep of m.depends) {
      const upstream = byName.get(dep);
      if (upstream) visit(upstream, [...trail, m.name]);
    }
    state.set(m.name, 'done');
    ordered.push(m);
  };
  for (const m of [...models].sort((a, b) => a.name.localeCompare(b.name))) visit(m, []);
  return ordered;
}

/** Rebuilds every model of the given layers in one transaction: readers see old or new, never half. */
export async function runModels(sql: SqlClient, layers: Model['layer'][]): Promise<{ model: string; rows: number }[]> {
  return sql.transaction(async () => {
    const out: { model: string; rows: number }[] = [];
    for (const m of MODELS.filter((m) => layers.includes(m.layer))) {
      await sql.exec(m.sql);
      const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${m.name}`);
      out.push({ model: m.name, rows: row?.n ?? 0 });
    }
    return out;
  });
}
