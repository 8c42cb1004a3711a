// The rules as data: enable or disable, change severity, edit, delete after a confirmation
// (built-in rules can only be disabled), or add a new one.
import { createSignal, For, Show } from 'solid-js';
import { deleteRule, setRuleEnabled, setRuleSeverity } from '../../../app/commands/rules';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { rules as rulesRead } from '../../../app/reads/quality';
import type { Rule } from '../../../lakehouse/models/checks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RuleForm } from './RuleForm';

export function RulesTable() {
  const [, actions] = useLakehouse();
  const rules = useLive(rulesRead);
  const [editing, setEditing] = createSignal<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);
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
                <td><input type="checkbox" checked={r.enabled} aria-label={`Enable rule ${r.rule_id}`} onChange={(e) => {
                  const box = e.currentTarget;
                  // A change that failed was told by its command; the box goes back to what is stored.
                  void setRuleEnabled(actions.commands, r.rule_id, box.checked).then((o) => { if (!o.ok) box.checked = r.enabled; });
                }} /></td>
                <td title={r.description ?? ''}>{r.rule_id}</td><td>{r.layer}</td><td>{r.kind}</td>
                <td>{`${r.table_name}${r.column_name ? `.${r.column_name}` : ''}`}</td>
                <td><code>{r.query ?? r.arg ?? ''}</code></td>
                <td>
                  <select aria-label={`Severity of ${r.rule_id}`} onChange={(e) => {
                    const select = e.currentTarget;
                    void setRuleSeverity(actions.commands, r.rule_id, select.value as 'error' | 'warn').then((o) => { if (!o.ok) select.value = r.severity; });
                  }}>
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
          if (ok && ruleId) void deleteRule(actions.commands, ruleId);
        }}
      >
        <p>Its definition is lost and later runs no longer check it; results of past runs stay. To bring it back, add it again.</p>
      </ConfirmDialog>
    </section>
  );
}
