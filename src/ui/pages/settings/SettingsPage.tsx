// Storage: where the library lives, how much room it takes, and persistence.
import { createResource, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { formatBytes } from '../../../domain/format-number';
import { askNotificationPermission } from '../../../platform/notify';
import { HistoryImportSection } from '../../components/HistoryImport';

export default function SettingsPage() {
  const [state, actions] = useLakehouse();
  const [estimate, { refetch }] = createResource(async () => {
    const e = await navigator.storage?.estimate?.();
    const persisted = (await navigator.storage?.persisted?.()) ?? false;
    return { usage: e?.usage ?? 0, quota: e?.quota ?? 0, persisted };
  });
  const persist = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    actions.toast(granted ? 'success' : 'info', granted ? 'Storage is now persistent: the browser will not evict your library.' : 'The browser declined persistent storage for now; it may grant it after you use Wolfie more or install it.');
    void refetch();
  };
  return (
    <section>
      <h1>Settings</h1>
      <h2>Storage</h2>
      <div class="card">
        <p>{state.storage === 'opfs' ? 'Your library is stored in this browser (Origin Private File System) and survives reloads and restarts.' : 'This browser has no private file system: the library lives in memory and is lost on reload.'}</p>
        <Show when={estimate()}>
          {(e) => (
            <p>
              {`Using ${formatBytes(e().usage)} of ${formatBytes(e().quota)} available. `}
              {e().persisted ? 'Persistent: the browser will not evict it.' : 'Not persistent yet: under storage pressure the browser could evict it.'}
            </p>
          )}
        </Show>
        <div class="toolbar">
          <button onClick={() => void persist()} disabled={estimate()?.persisted}>Keep my library (persistent storage)</button>
          <button onClick={() => void askNotificationPermission()}>Allow notifications for finished runs</button>
        </div>
      </div>
      <HistoryImportSection />
      <h2>Privacy</h2>
      <p class="card">Wolfie makes no request to any other server. Your files are read in this browser and never uploaded; there is no account, no analytics and no tracking.</p>
    </section>
  );
}
