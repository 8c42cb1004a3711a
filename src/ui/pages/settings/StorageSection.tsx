// Storage on /settings: where the library lives, usage against quota, persistence, and the room
// each schema takes in the database file.
import { createResource, For, Show } from 'solid-js';
import { recordPersistenceAnswer } from '../../../app/commands/settings';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { schemaSizes } from '../../../app/reads/settings';
import { formatBytes, formatCount } from '../../../domain/format-number';
import { askNotificationPermission } from '../../../platform/notify';
import { lowSpaceWarning, persistenceAnswer, storageEstimate } from '../../../platform/storage';

export function StorageSection() {
  const [state, actions] = useLakehouse();
  // The browser's estimate, not a lakehouse read: any write may move it, so it follows every
  // announcement, and it shows while the library is still opening (or open in another tab).
  const [estimate, { refetch }] = createResource(() => actions.changes.count() + 1, () => storageEstimate()); // +1: a source of 0 would hold it
  const sizes = useLive(schemaSizes);
  const persist = async () => {
    const granted = (await navigator.storage?.persist?.()) ?? false;
    actions.toast(granted ? 'success' : 'info', persistenceAnswer(granted));
    void recordPersistenceAnswer(actions.commands, granted);
    void refetch(); // persistence is the browser's; no table changed for it
  };
  return (
    <>
      <h2>Storage</h2>
      <div class="card">
        <p>{state.storage === 'opfs' ? 'Your library is stored in this browser (Origin Private File System) and survives reloads and restarts.' : 'This browser has no private file system: the library lives in memory and is lost on reload.'}</p>
        <Show when={estimate()}>
          {(e) => (
            <>
              <p data-testid="storage-usage">
                {`Using ${formatBytes(e().usageBytes)} of ${formatBytes(e().quotaBytes)} available (${e().quotaBytes ? ((100 * e().usageBytes) / e().quotaBytes).toFixed(1) : '0'} %). `}
                <span data-testid="storage-persisted" data-persisted={String(e().persisted)}>
                  {e().persisted ? 'Persistent: the browser will not evict it.' : 'Not persistent yet: under storage pressure the browser could evict it.'}
                </span>
              </p>
              <Show when={lowSpaceWarning(e())}>{(w) => <p role="alert">{w()}</p>}</Show>
            </>
          )}
        </Show>
        <Show when={sizes.state === 'errored'}>
          <p>{`The size of each schema could not be measured: ${String(sizes.error)}`}</p>
        </Show>
        <Show when={sizes.state !== 'errored' && sizes.latest} fallback={sizes.state === 'errored' ? undefined : <p>Measuring the size of each schema…</p>}>
          {(s) => (
            <table class="plain" aria-label="Size of each schema">
              <caption>{`Database file: ${s().fileBytes === null ? 'in memory' : formatBytes(s().fileBytes!)} (sizes count written blocks; the newest changes may not be counted until the next checkpoint)`}</caption>
              <thead><tr><th scope="col">schema</th><th scope="col">tables</th><th scope="col">rows (estimate)</th><th scope="col">size</th></tr></thead>
              <tbody>
                <For each={s().schemas}>{(r) => <tr><td>{r.schema}</td><td>{r.tables}</td><td>{formatCount(r.rows)}</td><td>{formatBytes(r.bytes)}</td></tr>}</For>
              </tbody>
            </table>
          )}
        </Show>
        <div class="toolbar">
          <button onClick={() => void persist()} disabled={estimate()?.persisted}>Keep my library (persistent storage)</button>
          <button onClick={() => void askNotificationPermission()}>Allow notifications for finished runs</button>
        </div>
      </div>
    </>
  );
}
