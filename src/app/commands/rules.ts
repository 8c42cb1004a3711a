// Data-quality rule edits on /quality: save (add or edit), enable or disable, change severity,
// delete. A rule is saved only after a trial run on the read connection (committed data, READ
// ONLY) found it runs; each change and its audit line are one transaction; rules apply from the next run.
import { checkRuleInput, deleteRule as deleteRuleRow, saveRule as saveRuleRow, setRuleEnabled as setEnabledRow, setRuleSeverity as setSeverityRow, trialRule, type RuleInput, type RuleTrial } from '../../lakehouse/models/rules';
import { defineCommand } from './command';

const RULES = ['meta.dq_rules'];

// The trial's finding, from `check` to the command's value: the runner hands both the same input
// object, and the trial cannot run inside `apply` (there read-only would not be enforced).
const trials = new WeakMap<RuleInput, RuleTrial>();

/** Resolves to what the trial found on the current data (null: no trial was kept). */
export const saveRule = defineCommand({
  action: 'rule-edit',
  changes: RULES,
  guard: 'queue',
  failure: 'The rule could not be saved',
  async check(read, input: RuleInput) {
    trials.set(input, await trialRule(read, checkRuleInput(input)));
  },
  async apply(sql, input: RuleInput) {
    const rule = await saveRuleRow(sql, input);
    const trial = trials.get(input) ?? null;
    trials.delete(input);
    return { value: trial, audit: `Saved rule ${rule.rule_id} (${rule.kind} on ${rule.table_name}${rule.column_name ? `.${rule.column_name}` : ''}, ${rule.severity})` };
  },
});

export const setRuleEnabled = defineCommand({
  action: 'rule-edit',
  changes: RULES,
  guard: 'queue',
  failure: 'The rule could not be changed',
  async apply(sql, ruleId: string, enabled: boolean) {
    const changed = await setEnabledRow(sql, ruleId, enabled);
    return { value: changed, audit: changed ? `${enabled ? 'Enabled' : 'Disabled'} rule ${ruleId}` : null };
  },
});

export const setRuleSeverity = defineCommand({
  action: 'rule-edit',
  changes: RULES,
  guard: 'queue',
  failure: 'The rule could not be changed',
  async apply(sql, ruleId: string, severity: 'error' | 'warn') {
    const changed = await setSeverityRow(sql, ruleId, severity);
    return { value: changed, audit: changed ? `Rule ${ruleId} severity set to ${severity}` : null };
  },
});

/** Built-in rules are not deleted (they can be disabled); resolves to whether one was. */
export const deleteRule = defineCommand({
  action: 'rule-delete',
  changes: RULES,
  guard: 'queue',
  failure: 'The rule could not be deleted',
  async apply(sql, ruleId: string) {
    const gone = await deleteRuleRow(sql, ruleId);
    return { value: gone, audit: gone ? `Deleted rule ${ruleId}` : null };
  },
});
