// Gold snapshots: one per successful gold build. Compare two (rows added/removed/changed per
// table) and restore one into gold; how many are kept is a setting.
import { createSignal, For, Show } from 'solid-js';
import { restoreSnapshot, setKeepCount } from '../../../app/commands/pipeline';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { snapshotComparison, snapshotKeepCount, snapshots } from '../../../app/reads/pipeline';
import { RowsTable } from '../../components/RowsTable';

export function Snapshots() {
  const [state, actions] = useLakehouse();
  const snaps = useLive(snapshots);
  const keep = useLive(snapshotKeepCount);
  const [a, setA] = createSignal<number | null>(null);
  const [b, setB] = createSignal<number | null>(null);
  const [compared, setCompared] = createSignal<{ a: number; b: number } | undefined>(undefined);
  const comparison = useLive(snapshotComparison, compared);
  const diff = () => (comparison()?.error ? null : comparison()?.rows ?? null);
  const error = () => comparison()?.error ?? null;
  const ids = () => (snaps() ?? []).map((s) => s.run_id);
  const pickA = () => a() ?? ids()[1] ?? ids()[0] ?? null;
  const pickB = () => b() ?? ids()[0] ?? null;

  const compare = () => {
    const [x, y] = [pickA(), pickB()];
    if (x !== null && y !== null) setCompared({ a: x, b: y });
  };
  const restore = async (runId: number) => {
    if (!window.confirm(`Replace the current gold tables with the snapshot of run ${runId}? The current gold stays available as its own snapshot.`)) return;
    // Refused while a run holds the lakehouse, and holds it while it restores; failures are told by the command.
    const restored = await restoreSnapshot(actions.commands, runId);
    if (restored.ok) actions.toast('success', `Gold restored from the snapshot of run ${runId}.`);
  };
  const saveKeep = async (input: HTMLInputElement) => {
    const saved = await setKeepCount(actions.commands, Number(input.value));
    if (!saved.ok) input.value = String(keep() ?? 10); // back to what is kept
  };

  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Gold snapshots</h2>
      <div class="toolbar">
        <label for="snap-keep">Keep the last</label>
        <input id="snap-keep" type="number" min="1" max="100" style={{ width: '5em' }} value={keep() ?? 10} onChange={(e) => void saveKeep(e.currentTarget)} />
        <span class="muted">gold builds</span>
      </div>
      <Show when={ids().length > 0} fallback={<p class="muted">No snapshots yet: each successful run keeps one.</p>}>
        <table class="plain" aria-label="Snapshots">
          <thead><tr><th>Run</th><th>Kind</th><th>Created</th><th class="num">Rows</th><th>Restored</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            <For each={snaps()}>
              {(s) => (
                <tr>
                  <td>{`#${s.run_id}`}</td><td>{String(s.kind ?? '')}</td><td>{String(s.created)}</td><td class="num">{String(s.total_rows)}</td>
                  <td>{String(s.restored ?? '')}</td>
                  <td><button onClick={() => void restore(s.run_id)} disabled={state.pipeline === 'running'} aria-label={`Restore snapshot of run ${s.run_id}`}>Restore</button></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <div class="toolbar" style={{ 'margin-top': 'var(--space-3)' }}>
          <label for="snap-a">Compare</label>
          <select id="snap-a" onChange={(e) => setA(Number(e.currentTarget.value))}>
            <For each={ids()}>{(id) => <option value={String(id)} selected={id === pickA()}>{`run ${id}`}</option>}</For>
          </select>
          <label for="snap-b">with</label>
          <select id="snap-b" onChange={(e) => setB(Number(e.currentTarget.value))}>
            <For each={ids()}>{(id) => <option value={String(id)} selected={id === pickB()}>{`run ${id}`}</option>}</For>
          </select>
          <button onClick={compare}>Compare snapshots</button>
        </div>
        <Show when={error()}>{(e) => <p role="alert" class="error-text">{e()}</p>}</Show>
        <Show when={diff()}>{(d) => <RowsTable rows={d()} label="Snapshot comparison" />}</Show>
      </Show>
    </section>
  );
}
