// The rule commands of /quality on the real engine: a rule is saved only after its read-only trial
// run, with its audit line in the same transaction; enable, severity and delete each leave one
// line, a change to nothing leaves none, and a failed audit write keeps nothing of the change.
import { describe, expect, it } from 'vitest';
import { deleteRule, saveRule, setRuleEnabled, setRuleSeverity } from '../../src/app/commands/rules';
import type { RuleInput } from '../../src/lakehouse/models/rules';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { auditLines, withoutAuditLog } from '../support/audit-log';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';

const RULE: RuleInput = { rule_id: 'files_have_size', layer: 'bronze', kind: 'not_null', table_name: 'raw.files', column_name: 'size_bytes', arg: null, query: null, severity: 'warn', description: null };

const stored = (sql: SqlClient, id: string) => sql.query('SELECT severity, enabled, builtin FROM meta.dq_rules WHERE rule_id = ?', [id]);

describe('rule commands', () => {
  it('saves a rule after its trial run, with its audit line in the same transaction, and announces meta.dq_rules', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect(await saveRule(ctx, RULE)).toEqual({ ok: true, value: { status: 'passed', failing: 0 } });
    expect(await stored(sql, 'files_have_size')).toEqual([{ severity: 'warn', enabled: true, builtin: false }]);
    expect(await auditLines(sql)).toEqual(['rule-edit: Saved rule files_have_size (not_null on raw.files.size_bytes, warn)']);
    // now() is the transaction's start: the rule and its line share it, so they were one transaction.
    const [same] = await sql.query<{ same: boolean }>(`SELECT (SELECT updated_at FROM meta.dq_rules WHERE rule_id = 'files_have_size') = (SELECT "at" FROM meta.audit_log) AS same`);
    expect(same).toEqual({ same: true });
    expect(ctx.announced).toEqual([['meta.dq_rules', 'meta.audit_log']]);
  });

  it('refuses a rule whose trial run breaks or whose input is invalid, before anything is written', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    const broken = await saveRule(ctx, { ...RULE, rule_id: 'broken_query', kind: 'query', column_name: null, query: 'SELECT no_such_column FROM raw.files' });
    expect(broken).toMatchObject({ ok: false, reason: 'failed', error: expect.stringMatching(/^The rule does not run: /) });
    const invalid = await saveRule(ctx, { ...RULE, rule_id: 'X' });
    expect(invalid).toMatchObject({ ok: false, error: expect.stringMatching(/^Rule id: /) });
    expect(await sql.query("SELECT rule_id FROM meta.dq_rules WHERE rule_id IN ('broken_query', 'X')")).toEqual([]);
    expect(await auditLines(sql)).toEqual([]);
    expect(ctx.announced).toEqual([]);
    expect(ctx.said.map((s) => s.kind)).toEqual(['error', 'error']);
    expect(ctx.said[0]!.text).toMatch(/^The rule could not be saved: The rule does not run: /);
  });

  it('enables, changes severity and deletes with one line each; a built-in rule is not deleted and leaves no line', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    await saveRule(ctx, RULE);
    expect(await setRuleEnabled(ctx, 'files_have_size', false)).toEqual({ ok: true, value: true });
    expect(await setRuleSeverity(ctx, 'files_have_size', 'error')).toEqual({ ok: true, value: true });
    expect(await stored(sql, 'files_have_size')).toEqual([{ severity: 'error', enabled: false, builtin: false }]);
    const [builtin] = await sql.query<{ rule_id: string }>('SELECT rule_id FROM meta.dq_rules WHERE builtin LIMIT 1');
    expect(await deleteRule(ctx, builtin!.rule_id)).toEqual({ ok: true, value: false });
    expect(await deleteRule(ctx, 'files_have_size')).toEqual({ ok: true, value: true });
    expect(await deleteRule(ctx, 'files_have_size')).toEqual({ ok: true, value: false });
    expect(await setRuleEnabled(ctx, 'files_have_size', true)).toEqual({ ok: true, value: false });
    expect(await stored(sql, 'files_have_size')).toEqual([]);
    expect(await stored(sql, builtin!.rule_id)).toHaveLength(1);
    expect(await auditLines(sql)).toEqual([
      'rule-edit: Saved rule files_have_size (not_null on raw.files.size_bytes, warn)',
      'rule-edit: Disabled rule files_have_size',
      'rule-edit: Rule files_have_size severity set to error',
      'rule-delete: Deleted rule files_have_size',
    ]);
    expect(ctx.announced.every((t) => t.join() === 'meta.dq_rules,meta.audit_log')).toBe(true);
  });

  it('keeps nothing of a change whose audit line cannot be written, and says so', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    const outcome = await withoutAuditLog(sql, () => saveRule(ctx, RULE));
    expect(outcome).toMatchObject({ ok: false, reason: 'failed' });
    expect(await stored(sql, 'files_have_size')).toEqual([]);
    expect(ctx.announced).toEqual([]);
    expect(ctx.said.at(-1)!.text).toMatch(/^The rule could not be saved: .*Nothing was changed\.$/s);
  });
});
