// The read-only SQL explorer: a query over every schema (?q= opens one, as the dashboards'
// "Query" links do), its result as a table and, when small, a chart; saved queries (deleted after a
// confirmation); CSV and Parquet export. Only queries run: see lakehouse/engine/read-only.ts.
import { useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { runReadOnly } from '../../../lakehouse/engine/read-only';
import { deleteSaved, listSaved, saveQuery } from '../../../lakehouse/queries/saved-queries';
import type { Row } from '../../../lakehouse/engine/sql-client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RowsTable } from '../../components/RowsTable';
import { AutoChart, chartable } from './AutoChart';
import { exportCsv, exportParquet } from './sql-export';

const EXAMPLE = 'SELECT artist, count(*) AS tracks\nFROM gold.track_facts\nGROUP BY artist\nORDER BY tracks DESC\nLIMIT 20';
const SHOWN_ROWS = 1000;

export default function SqlPage() {
  const [lake, actions] = useLakehouse();
  const [params] = useSearchParams<{ q?: string }>();
  const [text, setText] = createSignal(typeof params.q === 'string' && params.q ? params.q : EXAMPLE);
  const [rows, setRows] = createSignal<Row[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [ms, setMs] = createSignal(0);
  const [name, setName] = createSignal('');
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const [saved, { refetch }] = createResource(() => (lake.db === 'ready' ? actions.changes.version(['*']) : false), async () => listSaved((await actions.lakehouse()).read));

  const run = async () => {
    setBusy(true);
    setError(null);
    const t0 = performance.now();
    try {
      setRows(await runReadOnly((await actions.lakehouse()).read, text()));
    } catch (e) {
      setRows(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setMs(performance.now() - t0);
      setBusy(false);
    }
  };
  const save = async () => {
    if (!name().trim()) return;
    try {
      await saveQuery((await actions.lakehouse()).sql, name().trim(), text());
      setName('');
    } catch (e) {
      actions.toast('error', `The query “${name().trim()}” could not be saved: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    }
    void refetch();
  };
  const remove = async (queryName: string) => {
    try {
      await deleteSaved((await actions.lakehouse()).sql, queryName);
    } catch (e) {
      actions.toast('error', `The saved query “${queryName}” could not be deleted: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    }
    void refetch();
  };

  return (
    <section>
      <h1>SQL explorer</h1>
      <p class="muted">Read-only: only queries run (DuckDB's parser decides), in a transaction that cannot change your library. Schemas: raw, bronze, silver, gold, meta.</p>
      <label for="sql-text" class="visually-hidden">SQL</label>
      <textarea
        id="sql-text"
        aria-label="SQL"
        rows={8}
        style={{ width: '100%', 'font-family': 'var(--font-mono)' }}
        value={text()}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void run();
        }}
      />
      <div class="toolbar">
        <button class="primary" onClick={() => void run()} disabled={busy()}>Run</button>
        <button onClick={() => exportCsv(rows() ?? [])} disabled={!rows()?.length}>Export CSV</button>
        <button onClick={() => exportParquet(rows() ?? [])} disabled={!rows()?.length}>Export Parquet</button>
        <Show when={rows()}>{(r) => <span class="muted" aria-live="polite">{`${r().length} rows in ${Math.round(ms())} ms`}</span>}</Show>
      </div>
      <details class="card">
        <summary>{`Saved queries (${saved()?.length ?? 0})`}</summary>
        <div class="toolbar">
          <label>Name <input value={name()} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <button onClick={() => void save()} disabled={!name().trim()}>Save query</button>
        </div>
        <ul>
          <For each={saved()}>
            {(q) => (
              <li>
                <button onClick={() => setText(q.sql)}>{`Open ${q.name}`}</button>{' '}
                <button onClick={() => setDeleting(q.name)}>{`Delete ${q.name}`}</button>
              </li>
            )}
          </For>
        </ul>
      </details>
      <ConfirmDialog
        open={deleting() !== null}
        title={`Delete saved query ${deleting() ?? ''}?`}
        confirmLabel="Delete query"
        onClose={(ok) => {
          const queryName = deleting();
          setDeleting(null);
          if (ok && queryName !== null) void remove(queryName);
        }}
      >
        <p>Its name and SQL text are lost; the data it reads is not touched. To keep the text, open it and copy it first.</p>
      </ConfirmDialog>
      <Show when={error()}>{(e) => <p class="card error-text" role="alert">{e()}</p>}</Show>
      <Show when={rows()}>
        {(r) => (
          <>
            <Show when={chartable(r())}>{(c) => <AutoChart rows={r()} x={c().x} y={c().y} />}</Show>
            <Show when={r().length > SHOWN_ROWS}><p class="muted">{`Showing the first ${SHOWN_ROWS} rows; the exports have all ${r().length}.`}</p></Show>
            <RowsTable rows={r().slice(0, SHOWN_ROWS)} label="Query result" />
          </>
        )}
      </Show>
    </section>
  );
}
