// Gold snapshots: one per successful gold build. Compare two (rows added/removed/changed per
// table) and restore one into gold; how many are kept is a setting.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useQuery } from '../../../app/use-query';
import { compareSnapshots, keepCount, listSnapshots, restoreSnapshot, setKeepCount, type SnapshotDiff } from '../../../lakehouse/backup/snapshots';
import { RowsTable } from '../../components/RowsTable';

export function Snapshots() {
  const [state, actions] = useLakehouse();
  const snaps = useQuery(listSnapshots);
  const keep = useQuery(keepCount);
  const [a, setA] = createSignal<number | null>(null);
  const [b, setB] = createSignal<number | null>(null);
  const [diff, setDiff] = createSignal<SnapshotDiff[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const ids = () => (snaps() ?? []).map((s) => s.run_id);
  const pickA = () => a() ?? ids()[1] ?? ids()[0] ?? null;
  const pickB = () => b() ?? ids()[0] ?? null;

  const compare = async () => {
    setError(null);
    const [x, y] = [pickA(), pickB()];
    if (x === null || y === null) return;
    try {
      setDiff(await compareSnapshots((await actions.lakehouse()).read, x, y));
    } catch (e) {
      setError(`Could not compare snapshots ${x} and ${y}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const restore = async (runId: number) => {
    if (state.pipeline === 'running') return actions.toast('info', 'Wait for the running run to finish before restoring.');
    if (!window.confirm(`Replace the current gold tables with the snapshot of run ${runId}? The current gold stays available as its own snapshot.`)) return;
    try {
      const lake = await actions.lakehouse();
      await restoreSnapshot(lake.sql, runId);
      await lake.checkpoint();
      actions.changes.announce(['*']);
      actions.toast('success', `Gold restored from the snapshot of run ${runId}.`);
    } catch (e) {
      actions.toast('error', `Restore failed, gold unchanged: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const saveKeep = async (value: string) => {
    try {
      await setKeepCount((await actions.lakehouse()).sql, Number(value));
      actions.changes.announce(['*']);
    } catch (e) {
      actions.toast('error', e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Gold snapshots</h2>
      <div class="toolbar">
        <label for="snap-keep">Keep the last</label>
        <input id="snap-keep" type="number" min="1" max="100" style={{ width: '5em' }} value={keep() ?? 10} onChange={(e) => void saveKeep(e.currentTarget.value)} />
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
                  <td><button onClick={() => void restore(s.run_id)} aria-label={`Restore snapshot of run ${s.run_id}`}>Restore</button></td>
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
          <button onClick={() => void compare()}>Compare snapshots</button>
        </div>
        <Show when={error()}>{(e) => <p role="alert" class="error-text">{e()}</p>}</Show>
        <Show when={diff()}>{(d) => <RowsTable rows={d()} label="Snapshot comparison" />}</Show>
      </Show>
    </section>
  );
}
