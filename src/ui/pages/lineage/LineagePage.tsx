// Lineage: the model graph with row counts after a chosen run, and that run's lineage rows
// (inputs, output, rows in/out, build mode, duration) from meta.lineage.
import { createSignal, For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { lineageGraph, lineageRows, lineageRuns } from '../../../app/reads/lineage';
import { RowsTable } from '../../components/RowsTable';
import { LineageGraph } from './LineageGraph';

export default function LineagePage() {
  const runs = useLive(lineageRuns);
  const [selected, setSelected] = createSignal<number | null>(null);
  const current = () => selected() ?? runs()?.[0]?.run_id ?? null;
  // Held until the runs are read, so the graph is drawn once for the run the select shows.
  const graph = useLive(lineageGraph, () => (runs() ? current() : undefined));
  const rows = useLive(lineageRows, () => current() ?? undefined);
  return (
    <section>
      <h1>Lineage</h1>
      <p class="muted">Which model read which tables, and how many rows each table held after the run. Every silver and gold row also carries its source file (path or source_path), run_id and model.</p>
      <Show when={(runs()?.length ?? 0) > 0} fallback={<p class="muted">No models have run yet. Choose a music folder in the Library to start the first run.</p>}>
        <div class="toolbar">
          <label for="lineage-run">Run</label>
          <select id="lineage-run" onChange={(e) => setSelected(Number(e.currentTarget.value))}>
            <For each={runs()}>{(r) => <option value={String(r.run_id)} selected={r.run_id === current()}>{`run ${r.run_id} (${r.models} models)`}</option>}</For>
          </select>
        </div>
        <Show when={graph()}>{(g) => <LineageGraph graph={g()} />}</Show>
        <h2>{`Models of run ${current() ?? ''}`}</h2>
        <RowsTable rows={rows() ?? []} label="Lineage" />
      </Show>
    </section>
  );
}
