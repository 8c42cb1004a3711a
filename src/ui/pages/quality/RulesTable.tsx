// The rules as data: enable or disable, change severity, edit, delete after a confirmation
// (built-in rules can only be disabled), or add a new one.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useQuery } from '../../../app/use-query';
import type { Rule } from '../../../lakehouse/models/checks';
import { allRules, deleteRule, setRuleEnabled, setRuleSeverity } from '../../../lakehouse/models/rules';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleForm } from './RuleForm';

export function RulesTable() {
  const [, actions] = useLakehouse();
  const rules = useQuery(allRules);
  const [editing, setEditing] = createSignal<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const change = async (work: (sql: Awaited<ReturnType<typeof actions.lakehouse>>['sql']) => Promise<void>) => {
    try {
      await work((await actions.lakehouse()).sql);
      actions.changes.announce(['*']);
    } catch (e) {
      actions.toast('error', `The rule could not be changed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <div class="toolbar"><button onClick={() => setEditing('new')}>Add rule</button><span class="muted">Changes apply from the next run.</span></div>
      <Show when={editing()}>{(e) => <RuleForm rule={e() === 'new' ? undefined : (e() as Rule)} onDone={() => setEditing(null)} />}</Show>
      <table class="plain" aria-label="Data-quality rules">
        <thead><tr><th>On</th><th>Rule</th><th>Layer</th><th>Kind</th><th>Table.column</th><th>Argument / SQL</th><th>Severity</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          <For each={rules()}>
            {(r) => (
              <tr>
                <td><input type="checkbox" checked={r.enabled} aria-label={`Enable rule ${r.rule_id}`} onChange={(e) => void change((sql) => setRuleEnabled(sql, r.rule_id, e.currentTarget.checked))} /></td>
                <td title={r.description ?? ''}>{r.rule_id}</td><td>{r.layer}</td><td>{r.kind}</td>
                <td>{`${r.table_name}${r.column_name ? `.${r.column_name}` : ''}`}</td>
                <td><code>{r.query ?? r.arg ?? ''}</code></td>
                <td>
                  <select aria-label={`Severity of ${r.rule_id}`} onChange={(e) => void change((sql) => setRuleSeverity(sql, r.rule_id, e.currentTarget.value as 'error' | 'warn'))}>
                    <option value="warn" selected={r.severity === 'warn'}>warn</option><option value="error" selected={r.severity === 'error'}>error</option>
                  </select>
                </td>
                <td>
                  <Show when={!r.builtin}>
                    <button onClick={() => setEditing(r)} aria-label={`Edit rule ${r.rule_id}`}>Edit</button>{' '}
                    <button onClick={() => setDeleting(r.rule_id)} aria-label={`Delete rule ${r.rule_id}`}>Delete</button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting() !== null}
        title={`Delete rule ${deleting() ?? ''}?`}
        confirmLabel="Delete rule"
        onClose={(ok) => {
          const ruleId = deleting();
          setDeleting(null);
          if (ok && ruleId) void change((sql) => deleteRule(sql, ruleId));
        }}
      >
        <p>Its definition is lost and later runs no longer check it; results of past runs stay. To bring it back, add it again.</p>
      </ConfirmDialog>
    </section>
  );
}
