// Data-quality checks: rules are rows of meta.dq_rules, each an allow-listed template of
// sql/checks/*.sql (identifiers from information_schema, values bound) or a person's read-only
// predicate or query. Each rule runs in its own READ ONLY transaction, so no rule can write and a
// broken one cannot spoil the others. Results, with a sample of failing rows, go to meta.dq_results.
import { MODELS, retarget, type Layer } from './models';
import { ident, type Row, type SqlClient } from '../engine/sql-client';
import { RULE_KINDS, type RuleKind } from '../../domain/rule-kinds';

const templates = import.meta.glob('../sql/checks/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const TEMPLATE = Object.fromEntries(Object.entries(templates).map(([p, s]) => [/(\w+)\.sql$/.exec(p)![1]!, s.replace(/^--.*\n/gm, '').trim()]));

export { RULE_KINDS, type RuleKind };

export interface Rule {
  rule_id: string;
  layer: Layer;
  kind: RuleKind;
  table_name: string;
  column_name: string | null;
  arg: string | null;
  query: string | null;
  severity: 'error' | 'warn';
  enabled: boolean;
  description: string | null;
  builtin: boolean;
}

export interface CheckResult {
  rule_id: string;
  status: 'passed' | 'failed' | 'skipped' | 'error';
  failing_rows: number | null;
  total_rows: number | null;
  observed: number | null;
  message: string;
  sample: Row[];
}

export class ChecksFailed extends Error {}

type Columns = Map<string, Map<string, string>>; // table -> column -> type

/** Columns of the lakehouse's tables; of the snap tables only those of `snapshotPrefix` (the build being checked). */
export async function columnsOf(sql: SqlClient, snapshotPrefix = '-'): Promise<Columns> {
  const rows = await sql.query<{ t: string; c: string; type: string }>(
    `SELECT schema_name || '.' || table_name AS t, column_name AS c, data_type AS type FROM duckdb_columns()
     WHERE schema_name IN ('raw', 'bronze', 'silver', 'gold', 'meta') OR (schema_name = 'snap' AND starts_with(table_name, ?))`,
    [snapshotPrefix],
  );
  const out: Columns = new Map();
  for (const r of rows) {
    if (!out.has(r.t)) out.set(r.t, new Map());
    out.get(r.t)!.set(r.c, r.type);
  }
  return out;
}

/** The failing-rows SELECT of a rule and its bound values, or why it cannot run. */
export function compileRule(rule: Rule, cols: Columns, resolve: (t: string) => string): { sql: string; params: unknown[]; table: string } | { skip: string } | { broken: string } {
  const table = resolve(rule.table_name);
  const tcols = cols.get(table);
  if (!tcols) return { skip: `${rule.table_name} does not exist (yet)` };
  const needsColumn = !['schema', 'predicate', 'query'].includes(rule.kind);
  if (needsColumn && (!rule.column_name || !tcols.has(rule.column_name))) return { broken: `${rule.table_name} has no column ${rule.column_name}` };
  const fill = (t: string, extra: Record<string, string> = {}) =>
    Object.entries({ table: ident(table), column: rule.column_name ? ident(rule.column_name) : '', ...extra }).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, v), t);
  switch (rule.kind) {
    case 'not_null':
    case 'unique':
    case 'completeness':
      return { sql: fill(TEMPLATE[rule.kind]!), params: [], table };
    case 'range': {
      const m = /^\s*(-?[\d.]+)\s*\.\.\s*(\+?-?[\d.]+)\s*$/.exec(rule.arg ?? '');
      if (!m) return { broken: `range needs 'min..max', got '${rule.arg}'` };
      // '+N' as a bound means the current year + N (for "next year").
      const max = m[2]!.startsWith('+') ? new Date().getFullYear() + Number(m[2]) : Number(m[2]);
      return { sql: fill(TEMPLATE.range!), params: [Number(m[1]), max], table };
    }
    case 'allowed':
      return { sql: fill(TEMPLATE.allowed!), params: [(rule.arg ?? '').split(',').map((s) => s.trim()).join(',')], table };
    case 'freshness':
      if (!/^\d+$/.test(rule.arg ?? '')) return { broken: `freshness needs a number of days, got '${rule.arg}'` };
      return { sql: fill(TEMPLATE.freshness!), params: [Number(rule.arg)], table };
    case 'refint': {
      const m = /^(\w+\.\w+)\.(\w+)$/.exec(rule.arg ?? '');
      if (!m) return { broken: `refint needs 'schema.table.column', got '${rule.arg}'` };
      const ref = resolve(m[1]!);
      if (!cols.get(ref)?.has(m[2]!)) return { skip: `${m[1]}.${m[2]} does not exist (yet)` };
      return { sql: fill(TEMPLATE.refint!, { ref_table: ident(ref), ref_column: ident(m[2]!) }), params: [], table };
    }
    case 'predicate':
    case 'query': {
      const text = (rule.query ?? '').trim().replace(/;\s*$/, '');
      if (!text || text.includes(';')) return { broken: 'Write one expression or one query, without ;' };
      const own = retarget(text, resolve, MODELS);
      if (rule.kind === 'query') {
        if (!/^(select|with|from)\b/i.test(own)) return { broken: 'A query rule starts with SELECT, WITH or FROM and returns the failing rows' };
        return { sql: own, params: [], table };
      }
      return { sql: fill(TEMPLATE.predicate!, { predicate: own }), params: [], table };
    }
    case 'schema':
      return { sql: '', params: [], table };
  }
}

/** Evaluates one rule, read-only. */
export async function evaluateRule(sql: SqlClient, rule: Rule, cols: Columns, resolve: (t: string) => string = (t) => t): Promise<CheckResult> {
  const base = { rule_id: rule.rule_id, failing_rows: null, total_rows: null, observed: null, sample: [] as Row[] };
  const compiled = compileRule(rule, cols, resolve);
  if ('skip' in compiled) return { ...base, status: 'skipped', message: compiled.skip };
  if ('broken' in compiled) return { ...base, status: 'error', message: compiled.broken };
  if (rule.kind === 'schema') return schemaResult(rule, cols.get(compiled.table)!);
  try {
    return await sql.transaction(async () => {
      const [n] = await sql.query<{ failing: number; total: number }>(
        `SELECT (SELECT count(*) FROM (${compiled.sql})) AS failing, (SELECT count(*) FROM ${ident(compiled.table)}) AS total`,
        compiled.params,
      );
      const failing = n?.failing ?? 0;
      const total = n?.total ?? 0;
      const sample = failing ? await sql.query(`SELECT * FROM (${compiled.sql}) LIMIT 5`, compiled.params) : [];
      if (rule.kind === 'completeness') {
        const share = total ? 1 - failing / total : 1;
        const min = Number(rule.arg ?? 1);
        const ok = share >= min;
        return { ...base, status: ok ? 'passed' : 'failed', failing_rows: failing, total_rows: total, observed: share, sample: ok ? [] : sample,
          message: `${rule.column_name} present on ${(share * 100).toFixed(1)} % of ${total} rows (needs ${(min * 100).toFixed(0)} %)` };
      }
      const observed = rule.kind === 'freshness' ? Number(sample[0]?.age_days ?? 0) : null;
      return { ...base, status: failing ? 'failed' : 'passed', failing_rows: failing, total_rows: total, observed, sample,
        message: failing ? `${failing} of ${total} rows fail: ${rule.description ?? rule.rule_id}` : 'passed' };
    }, 'read-only');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...base, status: 'error', message: /read.only/i.test(message) ? `Refused: a rule cannot change data (${message})` : message };
  }
}

function schemaResult(rule: Rule, have: Map<string, string>): CheckResult {
  const problems: Row[] = [];
  for (const spec of (rule.arg ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, type] = spec.split(/\s+/);
    const actual = have.get(name!);
    if (actual === undefined) problems.push({ column: name, problem: 'missing' });
    else if (type && !actual.toUpperCase().startsWith(type.toUpperCase())) problems.push({ column: name, problem: `is ${actual}, expected ${type}` });
  }
  return {
    rule_id: rule.rule_id, status: problems.length ? 'failed' : 'passed', failing_rows: problems.length, total_rows: null, observed: null, sample: problems.slice(0, 5),
    message: problems.length ? `${rule.table_name}: ${problems.map((p) => `${p.column} ${p.problem}`).join('; ')}` : 'passed',
  };
}

export async function loadRules(sql: SqlClient, layer?: Layer): Promise<Rule[]> {
  return layer
    ? sql.query<Rule & Row>('SELECT * FROM meta.dq_rules WHERE layer = ? ORDER BY rule_id', [layer])
    : sql.query<Rule & Row>('SELECT * FROM meta.dq_rules ORDER BY layer, rule_id');
}

/** Runs a layer's enabled rules and records them; an error-severity failure throws ChecksFailed. */
export async function runChecks(sql: SqlClient, runId: number, layer: Layer, resolve: (t: string) => string = (t) => t) {
  const rules = (await loadRules(sql, layer)).filter((r) => r.enabled);
  // Of the snap tables, only those of the build being checked (snap.build_r<run>__*, see snapshot-tables.ts).
  const cols = await columnsOf(sql, /^snap\.(\w+?__)/.exec(resolve('gold.track_facts'))?.[1]);
  const results: (CheckResult & { rule: Rule })[] = [];
  for (const rule of rules) results.push({ ...(await evaluateRule(sql, rule, cols, resolve)), rule });
  for (const r of results) {
    await sql.query(
      `INSERT OR REPLACE INTO meta.dq_results (run_id, rule_id, layer, table_name, kind, severity, status, failing_rows, total_rows, observed, message, sample)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [runId, r.rule_id, layer, r.rule.table_name, r.rule.kind, r.rule.severity, r.status, r.failing_rows, r.total_rows, r.observed, r.message,
        r.sample.length ? sampleJson(r.sample) : null],
    );
  }
  const blocking = results.filter((r) => r.status === 'failed' && r.rule.severity === 'error');
  const summary = { rules: results.length, failed: results.filter((r) => r.status === 'failed').length, blocking: blocking.length, results };
  if (blocking.length) {
    throw new ChecksFailed(`${blocking.length} error rule${blocking.length > 1 ? 's' : ''} failed on ${layer}: ${blocking.map((b) => `${b.rule_id} (${b.message})`).join('; ')}`);
  }
  return summary;
}

/** Failing rows as JSON text, long values shortened; fewer rows rather than cut (broken) JSON. */
function sampleJson(rows: Row[]): string {
  const encode = (r: Row[]) => JSON.stringify(r, (_k, v: unknown) =>
    typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? `<${v.length} bytes>` : typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v,
  );
  let n = rows.length;
  while (n > 1 && encode(rows.slice(0, n)).length > 8000) n--;
  return encode(rows.slice(0, n));
}
