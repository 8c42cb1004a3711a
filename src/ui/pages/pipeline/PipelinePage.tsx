// Runs like a workflow view: each run's steps with state, duration, rows in/out, errors and logs.
import { createSignal, For, Show } from 'solid-js';
import { useQuery } from '../../../app/use-query';
import { recentRuns, runLogs, runSteps } from '../../../lakehouse/observability';
import { RowsTable } from '../../components/RowsTable';

export default function PipelinePage() {
  const runs = useQuery(recentRuns);
  const [selected, setSelected] = createSignal<number | null>(null);
  const current = () => selected() ?? (runs()?.[0]?.run_id as number | undefined) ?? null;
  const steps = useQuery((sql) => (current() ? runSteps(sql, current()!) : Promise.resolve([])), current);
  const logs = useQuery((sql) => (current() ? runLogs(sql, current()!) : Promise.resolve([])), current);
  return (
    <section>
      <h1>Pipeline</h1>
      <Show when={(runs()?.length ?? 0) > 0} fallback={<p class="muted">No runs yet. Choose a music folder in the Library to start the first one.</p>}>
        <h2>Runs</h2>
        <div class="toolbar">
          <label for="run-select">Run</label>
          <select id="run-select" onChange={(e) => setSelected(Number(e.currentTarget.value))}>
            <For each={runs()}>{(r) => <option value={String(r.run_id)}>{`#${r.run_id} ${r.kind} – ${r.state} – ${r.started}`}</option>}</For>
          </select>
        </div>
        <RowsTable rows={runs() ?? []} label="Runs" />
        <h2>{`Steps of run ${current() ?? ''}`}</h2>
        <ol class="toolbar" aria-label="Step graph" style={{ 'list-style': 'none', padding: 0 }}>
          <For each={steps()}>
            {(s) => (
              <li class="status" data-state={s.state === 'succeeded' ? 'succeeded' : s.state === 'failed' ? 'failed' : 'running'}>
                <span class="status-dot" aria-hidden="true" />
                {`${s.step}: ${s.state} (${s.seconds} s)`}
              </li>
            )}
          </For>
        </ol>
        <RowsTable rows={steps() ?? []} label="Steps" />
        <h2>Logs</h2>
        <RowsTable rows={logs() ?? []} label="Logs" />
      </Show>
    </section>
  );
}
