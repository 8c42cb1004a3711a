// "Import listening history": a visible button fronting the contract's hidden multi-file input,
// the per-file summary of the last import, and the listens that match no library track. Text
// from imported files is only ever rendered as text nodes, never as HTML.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { useLive } from '../../app/live/use-live';
import { listenedElsewhere } from '../../app/reads/history';
import { formatCount } from '../../domain/format-number';
import { describeImport, type ImportRunResult } from '../../pipeline/import-run';
import { ProgressBar } from './ProgressBar';

// One summary for the whole app: an import started from the library is also summarised in Settings.
const [last, setLast] = createSignal<ImportRunResult | null>(null);

const ACCEPT = '.json,.csv,.tsv,.txt,.xml,.zip,application/json,text/csv,text/xml,application/zip';

function useImport() {
  const [state, actions] = useLakehouse();
  const start = async (files: File[]) => {
    if (!files.length) return;
    const result = await actions.importHistory(files);
    if (result) setLast(result);
  };
  return { state, actions, start };
}

export function HistoryImportButton() {
  const { state, start } = useImport();
  let input!: HTMLInputElement;
  return (
    <>
      <button onClick={() => input.click()} disabled={state.pipeline === 'running'}>
        Import listening history
      </button>
      <input
        ref={input}
        class="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        tabIndex={-1}
        aria-label="Import listening history"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void start(files);
        }}
      />
    </>
  );
}

export function HistoryImportSummary() {
  return (
    <Show when={last()}>
      {(r) => (
        <section class="card" aria-label="Listening history import summary" style={{ 'margin-bottom': 'var(--space-3)' }}>
          <div class="toolbar" style={{ margin: 0 }}>
            <strong>{`Listening history import (run ${r().runId})`}</strong>
            <span style={{ flex: 1 }} />
            <button onClick={() => setLast(null)}>Dismiss</button>
          </div>
          <p>{describeImport(r()).text}</p>
          <table class="plain" aria-label="Imported files">
            <thead>
              <tr><th>File</th><th>Format</th><th>Rows read</th><th>Kept</th><th>Rejected</th><th>Result</th></tr>
            </thead>
            <tbody>
              <For each={r().files}>
                {(f) => (
                  <tr>
                    <td>{f.fileName}</td>
                    <td>{f.format ?? '–'}</td>
                    <td>{formatCount(f.rowsRead)}</td>
                    <td>{formatCount(f.rowsKept)}</td>
                    <td>{formatCount(f.rowsRejected)}</td>
                    <td classList={{ 'error-text': f.status === 'failed' }}>{f.status === 'failed' ? f.error : f.status}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <For each={r().files.filter((f) => f.rejected.length > 0)}>
            {(f) => (
              <details>
                <summary>{`${f.fileName}: why ${formatCount(f.rowsRejected)} rows were rejected${f.rowsRejected > f.rejected.length ? ` (first ${f.rejected.length})` : ''}`}</summary>
                <ul>
                  <For each={f.rejected}>{(x) => <li>{`${x.where}: ${x.reason}`}</li>}</For>
                </ul>
              </details>
            )}
          </For>
        </section>
      )}
    </Show>
  );
}

/** The Settings section: what can be imported, the control, a drop target, progress and results. */
export function HistoryImportSection() {
  const { state, actions, start } = useImport();
  const elsewhere = useLive(listenedElsewhere);
  const [over, setOver] = createSignal(false);
  return (
    <section aria-labelledby="history-import">
      <h2 id="history-import">Listening history</h2>
      <div
        class="card"
        classList={{ 'drop-over': over() }}
        onDragOver={(e) => (e.preventDefault(), setOver(true))}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void start(Array.from(e.dataTransfer?.files ?? []));
        }}
      >
        <p>
          Import what you played elsewhere: Spotify (StreamingHistory, Streaming_History_Audio or endsong JSON, or the whole export zip),
          Apple Music / iTunes (Library.xml), Last.fm scrobbles (CSV) and rekordbox (collection XML). Choose several files at once or drop them
          here. Importing the same file again adds nothing. IP addresses, user agents, user names and countries are dropped before anything is stored.
        </p>
        <div class="toolbar">
          <HistoryImportButton />
        </div>
        <Show when={state.pipeline === 'running' && state.progress}>{(p) => <ProgressBar progress={p()} unit="files" onCancel={actions.cancel} />}</Show>
        <HistoryImportSummary />
        <Show when={(elsewhere() ?? []).length > 0}>
          <details>
            <summary>Listened elsewhere, not in your library</summary>
            <table class="plain" aria-label="Listened elsewhere, not in your library">
              <thead><tr><th>Artist</th><th>Title</th><th>Listens</th></tr></thead>
              <tbody>
                <For each={elsewhere()}>{(l) => <tr><td>{l.artist ?? '–'}</td><td>{l.title ?? '–'}</td><td>{formatCount(l.listens)}</td></tr>}</For>
              </tbody>
            </table>
          </details>
        </Show>
      </div>
    </section>
  );
}
