// Adding or editing a data-quality rule: an allow-listed template (column + argument) or a
// read-only predicate/query. Saved only after a read-only trial run succeeds (commands/rules.ts).
import { createSignal, For, Show } from 'solid-js';
import { saveRule } from '../../../app/commands/rules';
import { useLakehouse } from '../../../app/lakehouse-store';
import type { Rule } from '../../../lakehouse/models/checks';
import { RULE_KINDS } from '../../../domain/rule-kinds';

const HINT: Record<string, string> = {
  range: "min..max, e.g. 40..250 ('+1' as max = next year)", allowed: 'comma-separated values, e.g. mp3,flac', completeness: 'share that must be present, e.g. 0.95',
  refint: 'referenced schema.table.column, e.g. silver.tracks.track_id', freshness: 'maximum age in days, e.g. 30', schema: 'columns with optional types: track_id VARCHAR, year INTEGER',
  predicate: '', query: '', not_null: '', unique: '',
};

export function RuleForm(props: { rule?: Rule; onDone(): void }) {
  const [, actions] = useLakehouse();
  const r = props.rule;
  const [kind, setKind] = createSignal<string>(r?.kind ?? 'not_null');
  const [error, setError] = createSignal<string | null>(null);
  const needsQuery = () => kind() === 'predicate' || kind() === 'query';
  let form!: HTMLFormElement;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    const saved = await saveRule(actions.commands, {
      rule_id: text('rule_id'), layer: text('layer') as Rule['layer'], kind: kind() as Rule['kind'], table_name: text('table_name'),
      column_name: text('column_name') || null, arg: text('arg') || null, query: text('query') || null,
      severity: text('severity') as Rule['severity'], description: text('description') || null, enabled: r?.enabled ?? true,
    });
    if (!saved.ok) return setError(saved.error); // also told in a toast; the form keeps what was typed
    const trial = saved.value;
    const found = trial === null ? '' : ` On the current data it ${trial.status === 'passed' ? 'passes' : `finds ${trial.failing ?? 0} failing rows`};`;
    actions.toast('success', `Rule saved.${found} it runs with the next run.`);
    props.onDone();
  };

  return (
    <form ref={form} class="card" onSubmit={(e) => void submit(e)} aria-label={r ? `Edit rule ${r.rule_id}` : 'New rule'} style={{ display: 'grid', gap: 'var(--space-2)', 'max-width': '720px' }}>
      <label>Rule id <input name="rule_id" type="text" required value={r?.rule_id ?? ''} readOnly={!!r} placeholder="e.g. house_bpm_range" /></label>
      <label>Layer <select name="layer"><For each={['bronze', 'silver', 'gold']}>{(l) => <option selected={l === (r?.layer ?? 'gold')}>{l}</option>}</For></select></label>
      <label>Kind <select name="kind" onChange={(e) => setKind(e.currentTarget.value)}><For each={[...RULE_KINDS]}>{(k) => <option selected={k === kind()}>{k}</option>}</For></select></label>
      <label>Table <input name="table_name" type="text" required value={r?.table_name ?? 'gold.track_facts'} /></label>
      <Show when={!needsQuery() && kind() !== 'schema'}><label>Column <input name="column_name" type="text" value={r?.column_name ?? ''} /></label></Show>
      <Show when={HINT[kind()]}><label>{`Argument (${HINT[kind()]})`} <input name="arg" type="text" value={r?.arg ?? ''} /></label></Show>
      <Show when={needsQuery()}>
        <label>
          {kind() === 'predicate' ? 'Condition every row must meet (SQL expression, e.g. bpm IS NULL OR bpm < 200)' : 'Query returning the failing rows (SELECT …; read-only)'}
          <textarea name="query" rows="3" required>{r?.query ?? ''}</textarea>
        </label>
      </Show>
      <label>Severity <select name="severity"><option value="warn" selected={r?.severity !== 'error'}>warn: record and continue</option><option value="error" selected={r?.severity === 'error'}>error: stop the run before gold</option></select></label>
      <label>Description <input name="description" type="text" value={r?.description ?? ''} /></label>
      <Show when={error()}>{(e) => <p role="alert" class="error-text">{e()}</p>}</Show>
      <div class="toolbar"><button type="submit" class="primary">Save rule</button><button type="button" onClick={() => props.onDone()}>Cancel</button></div>
    </form>
  );
}
