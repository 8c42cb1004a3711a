// The person's edits to data-quality rules (/quality): add, edit, enable/disable, delete. A rule
// is saved only after it ran once, read-only, against the current tables without breaking
// (`trialRule`, on the read connection, before the write). The writes join the caller's
// transaction; the caller (src/app/commands/rules.ts) writes the audit line beside them.
import { columnsOf, evaluateRule, loadRules, RULE_KINDS, type Rule } from './checks';
import type { Row, SqlClient } from '../engine/sql-client';

export type RuleInput = Omit<Rule, 'builtin' | 'enabled'> & { enabled?: boolean };

export class RuleRejected extends Error {}

/** The rule as it would be saved, or why it cannot be (RuleRejected). Pure: no query. */
export function checkRuleInput(input: RuleInput): Rule {
  if (!/^[a-z][a-z0-9_]{2,63}$/.test(input.rule_id)) throw new RuleRejected('Rule id: 3 to 64 lower-case letters, digits or _, starting with a letter');
  if (!['bronze', 'silver', 'gold'].includes(input.layer)) throw new RuleRejected('Layer must be bronze, silver or gold');
  if (!(RULE_KINDS as readonly string[]).includes(input.kind)) throw new RuleRejected(`Kind must be one of ${RULE_KINDS.join(', ')}`);
  if (input.severity !== 'error' && input.severity !== 'warn') throw new RuleRejected('Severity must be error or warn');
  if (!/^\w+\.\w+$/.test(input.table_name)) throw new RuleRejected('Table: schema.table, e.g. gold.track_facts');
  if (input.column_name && !/^\w+$/.test(input.column_name)) throw new RuleRejected('Column: a plain column name');
  return { ...input, enabled: input.enabled ?? true, builtin: false };
}

export type RuleTrial = { failing: number | null; status: string };

/**
 * A trial run against what the tables hold now, each rule in a READ ONLY transaction of its own:
 * so call it on the read connection, never inside a write transaction (a nested transaction runs
 * inline in the outer one, where read-only is no longer enforced). Throws when the rule does not run.
 */
export async function trialRule(read: SqlClient, rule: Rule): Promise<RuleTrial> {
  const trial = await evaluateRule(read, rule, await columnsOf(read));
  if (trial.status === 'error') throw new RuleRejected(`The rule does not run: ${trial.message}`);
  return { failing: trial.failing_rows, status: trial.status };
}

/** Adds or replaces (by id) a person's rule; checks the input again, so nothing invalid is stored. */
export async function saveRule(sql: SqlClient, input: RuleInput): Promise<Rule> {
  const rule = checkRuleInput(input);
  await sql.query(
    `INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, column_name, arg, query, severity, enabled, description, builtin, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, now())
     ON CONFLICT (rule_id) DO UPDATE SET layer = excluded.layer, kind = excluded.kind, table_name = excluded.table_name,
       column_name = excluded.column_name, arg = excluded.arg, query = excluded.query, severity = excluded.severity,
       enabled = excluded.enabled, description = excluded.description, updated_at = now()`,
    [rule.rule_id, rule.layer, rule.kind, rule.table_name, rule.column_name || null, rule.arg || null, rule.query || null, rule.severity, rule.enabled, rule.description || null],
  );
  return rule;
}

/** Whether such a rule exists (and so changed). */
export async function setRuleEnabled(sql: SqlClient, ruleId: string, enabled: boolean): Promise<boolean> {
  const changed = await sql.query('UPDATE meta.dq_rules SET enabled = ?, updated_at = now() WHERE rule_id = ? RETURNING rule_id', [enabled, ruleId]);
  return changed.length > 0;
}

/** Whether such a rule exists (and so changed). */
export async function setRuleSeverity(sql: SqlClient, ruleId: string, severity: 'error' | 'warn'): Promise<boolean> {
  if (severity !== 'error' && severity !== 'warn') throw new RuleRejected('Severity must be error or warn');
  const changed = await sql.query('UPDATE meta.dq_rules SET severity = ?, updated_at = now() WHERE rule_id = ? RETURNING rule_id', [severity, ruleId]);
  return changed.length > 0;
}

/** Built-in rules can be disabled but not deleted, so the defaults stay one click away. Whether one was deleted. */
export async function deleteRule(sql: SqlClient, ruleId: string): Promise<boolean> {
  const gone = await sql.query('DELETE FROM meta.dq_rules WHERE rule_id = ? AND NOT builtin RETURNING rule_id', [ruleId]);
  return gone.length > 0;
}

export const allRules = (sql: SqlClient) => loadRules(sql);

/** The results of the latest run that ran checks (or of `runId`). */
export async function dqResults(sql: SqlClient, runId?: number | null): Promise<{ runId: number | null; rows: Row[] }> {
  const [latest] = await sql.query<{ run_id: number | null }>('SELECT max(run_id) AS run_id FROM meta.dq_results');
  const run = runId ?? latest?.run_id ?? null;
  if (run === null) return { runId: null, rows: [] };
  const rows = await sql.query(
    `SELECT rule_id, layer, table_name, kind, severity, status, failing_rows, total_rows, round(observed, 4) AS observed, message, sample
     FROM meta.dq_results WHERE run_id = ?
     ORDER BY CASE status WHEN 'failed' THEN 0 WHEN 'error' THEN 1 WHEN 'skipped' THEN 3 ELSE 2 END, CASE severity WHEN 'error' THEN 0 ELSE 1 END, layer, rule_id`,
    [run],
  );
  return { runId: run, rows };
}
