// The contract's status element (data-testid="pipeline-status"), shown in the header of every page.
import { Show } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { formatCount } from '../../domain/format-number';

export function PipelineStatus() {
  const [state] = useLakehouse();
  const label = () => {
    if (state.db === 'other-tab') return 'Open in another tab';
    if (state.db === 'error') return 'Library could not open';
    if (state.db !== 'ready') return 'Opening library…';
    return { idle: 'Idle', running: 'Running', succeeded: 'Up to date', failed: 'Last run failed' }[state.pipeline];
  };
  return (
    <div
      class="status"
      data-testid="pipeline-status"
      data-state={state.pipeline}
      data-done={state.pipeline === 'running' ? (state.progress?.done ?? 0) : undefined}
      data-total={state.pipeline === 'running' ? (state.progress?.total ?? 0) : undefined}
      role="status"
      aria-live="polite"
    >
      <span class="status-dot" aria-hidden="true" />
      <span>{label()}</span>
      <Show when={state.pipeline === 'running' && state.progress}>
        {(p) => <span class="muted">{`${formatCount(p().done)} / ${formatCount(p().total)}`}</span>}
      </Show>
    </div>
  );
}
