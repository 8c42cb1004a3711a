// Reading model files: a header of `-- model:`, `-- depends:` and optionally `-- incremental: <key>`
// lines, comment lines that describe the table, then either a CREATE statement (the runner runs
// it as written) or a SELECT (the runner materialises it). An incremental model has two SELECTs:
// `-- @changed` gives the keys whose inputs changed, `-- @rows` the rows for those keys.

export type Layer = 'bronze' | 'silver' | 'gold';

export interface Model {
  name: string; // schema.table it builds
  layer: Layer;
  depends: string[];
  /** The whole file (for legacy CREATE models and the hash that decides a rebuild). */
  sql: string;
  /** A SELECT the runner materialises; null when the file creates its table itself. */
  select: string | null;
  incremental: { key: string; changed: string } | null;
  description: string;
  columns: Record<string, string>;
}

export function parseModel(path: string, sql: string): Model {
  const name = /^--\s*model:\s*([\w.]+)/m.exec(sql)?.[1];
  if (!name) throw new Error(`${path}: first lines must declare '-- model: schema.table'`);
  const depends = (/^--\s*depends:\s*(.*)$/m.exec(sql)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const layer = name.split('.')[0];
  if (layer !== 'bronze' && layer !== 'silver' && layer !== 'gold') throw new Error(`${path}: model ${name} is not in a medallion layer`);
  const key = /^--\s*incremental:\s*(\w+)/m.exec(sql)?.[1] ?? null;
  const creates = new RegExp(`create\\s+(or\\s+replace\\s+)?table\\s+${name.replace('.', '\\.')}\\b`, 'i').test(sql);
  let select: string | null = creates ? null : stripSemicolon(sql);
  let incremental: Model['incremental'] = null;
  if (key) {
    const changed = /^--\s*@changed\b.*$([\s\S]*?)^--\s*@rows\b.*$/m.exec(sql)?.[1];
    const rows = /^--\s*@rows\b.*$([\s\S]*)/m.exec(sql)?.[1];
    if (!changed || !rows || creates) throw new Error(`${path}: an incremental model needs '-- @changed' and '-- @rows' SELECT sections`);
    incremental = { key, changed: stripSemicolon(changed) };
    select = stripSemicolon(rows);
  }
  return { name, layer, depends, sql, select, incremental, ...describe(sql) };
}

function stripSemicolon(text: string): string {
  return text.trim().replace(/;\s*$/, '');
}

/** The header's prose lines describe the table; a trailing `-- text` on a column line describes the column. */
function describe(sql: string): { description: string; columns: Record<string, string> } {
  const header: string[] = [];
  for (const line of sql.split('\n')) {
    const m = /^--\s?(.*)$/.exec(line);
    if (!m) break;
    if (!/^\s*(model|depends|incremental|@\w+)\b/.test(m[1]!)) header.push(m[1]!.trim());
  }
  const columns: Record<string, string> = {};
  for (const line of sql.split('\n')) {
    const m = /(?:\bAS\s+(\w+)|^\s*(?:\w+\.)?(\w+))\s*,?\s*--\s*(.+)$/i.exec(line);
    if (m && !/^\s*--/.test(line)) columns[(m[1] ?? m[2])!] = m[3]!.trim();
  }
  return { description: header.join(' ').trim(), columns };
}

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

/** FNV-1a of the model text: a changed file makes the next build of that model a full one. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
