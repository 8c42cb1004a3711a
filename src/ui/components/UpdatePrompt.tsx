/// <reference types="vite-plugin-pwa/solid" />
// Registers the service worker and offers new versions: "Update available" reloads only when the
// person agrees, and never while a pipeline run is going (new code must not swap in under a run).
import { createEffect, Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import { useLakehouse } from '../../app/lakehouse-store';

export function UpdatePrompt() {
  const [state, actions] = useLakehouse();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (error: unknown) => console.warn('Offline support is unavailable:', error),
  });
  const running = () => state.pipeline === 'running';
  const update = () => {
    if (running()) return;
    void updateServiceWorker(true);
    // The reload normally follows the new worker taking control; reload anyway if that event is missed.
    setTimeout(() => location.reload(), 4000);
  };
  createEffect(() => {
    if (!offlineReady()) return;
    actions.toast('success', 'Wolfie is ready to work offline: the app is stored in this browser.');
    setOfflineReady(false);
  });
  return (
    <Show when={needRefresh()}>
      <div class="banner" role="status" data-testid="update-available">
        <span>
          <strong>Update available.</strong>{' '}
          {running() ? 'It can be installed when the current run has finished.' : 'Reload to use the new version; your library stays as it is.'}
        </span>
        <button class="primary" disabled={running()} onClick={update}>
          Reload and update
        </button>
        <button onClick={() => setNeedRefresh(false)}>Later</button>
      </div>
    </Show>
  );
}
