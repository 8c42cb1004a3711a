// In-app notifications for finished and failed runs. Text only: nothing imported is rendered as HTML.
import { For } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';

export function Toasts() {
  const [state, { dismissToast }] = useLakehouse();
  return (
    <div class="toasts" role="region" aria-label="Notifications">
      <For each={state.toasts}>
        {(t) => (
          <div class="toast" data-kind={t.kind} role={t.kind === 'error' ? 'alert' : 'status'}>
            <span style={{ flex: 1 }}>{t.text}</span>
            <button aria-label="Dismiss notification" onClick={() => dismissToast(t.id)}>×</button>
          </div>
        )}
      </For>
    </div>
  );
}
