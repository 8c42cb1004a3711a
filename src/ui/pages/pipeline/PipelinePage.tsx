// Runs like a workflow view: pick a run, see its step graph coloured by state, a timeline of
// durations, errors and logs; start a full rebuild; compare and restore gold snapshots.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { runLogs, runs as runsRead, runSteps } from '../../../app/reads/pipeline';
import { RowsTable } from '../../components/RowsTable';
import { Snapshots } from './Snapshots';
import { StepGraph } from './StepGraph';
import { StepTimeline } from './StepTimeline';

export default function PipelinePage() {
  const [state, actions] = useLakehouse();
  const runs = useLive(runsRead);
  const [selected, setSelected] = createSignal<number | null>(null);
  const current = () => selected() ?? (runs()?.[0]?.run_id as number | undefined) ?? null;
  const steps = useLive(runSteps, () => current() ?? undefined);
  const logs = useLive(runLogs, () => current() ?? undefined);
  const failed = () => (steps() ?? []).filter((s) => s.state === 'failed');
  const run = () => runs()?.find((r) => r.run_id === current());
  return (
    <section>
      <h1>Pipeline</h1>
      <div class="toolbar">
        <button class="primary" disabled={state.pipeline === 'running' || state.db !== 'ready'} onClick={() => void actions.rebuild().then(() => setSelected(null))}>
          Full rebuild
        </button>
        <span class="muted">Runs are incremental: only new, changed and deleted files flow through. A full rebuild re-derives every table from raw.</span>
      </div>
      <Show when={(runs()?.length ?? 0) > 0} fallback={<p class="muted">No runs yet. Choose a music folder in the Library to start the first one.</p>}>
        <div class="toolbar">
          <label for="run-select">Run</label>
          <select id="run-select" onChange={(e) => setSelected(Number(e.currentTarget.value))}>
            <For each={runs()}>{(r) => <option value={String(r.run_id)} selected={r.run_id === current()}>{`#${r.run_id} ${r.kind} – ${r.state} – ${r.started}`}</option>}</For>
          </select>
          <Show when={run()}>{(r) => <span class="status" data-state={String(r().state)}><span class="status-dot" aria-hidden="true" />{`Run ${r().run_id}: ${r().state}, ${r().seconds} s`}</span>}</Show>
        </div>
        <h2>{`Steps of run ${current() ?? ''}`}</h2>
        <StepGraph steps={steps() ?? []} />
        <Show when={failed().length > 0}>
          <div role="alert" class="card" style={{ 'border-color': 'var(--danger)', 'margin-top': 'var(--space-3)' }}>
            <strong>Failed</strong>
            <For each={failed()}>{(s) => <p class="error-text">{`${s.step}: ${s.error ?? 'no message'}`}</p>}</For>
            <p class="muted">The steps after it did not run, and gold is as the last successful run left it.</p>
          </div>
        </Show>
        <h2>Timeline</h2>
        <StepTimeline steps={steps() ?? []} />
        <RowsTable rows={steps() ?? []} label="Steps" />
        <h2>Logs</h2>
        <RowsTable rows={logs() ?? []} label="Logs" />
        <h2>Runs</h2>
        <RowsTable rows={runs() ?? []} label="Runs" />
      </Show>
      <Snapshots />
    </section>
  );
}
