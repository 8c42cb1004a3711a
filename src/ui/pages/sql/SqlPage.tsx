// The read-only SQL explorer: a query over every schema (?q= opens one, as the dashboards'
// "Query" links do), its result as a table and, when small, a chart; saved queries (deleted after a
// confirmation); CSV and Parquet export. Only queries run: see lakehouse/engine/read-only.ts.
// The result is a live read: once run, it follows the tables' changes until another query is run.
import { useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { deleteSavedQuery, saveQuery } from '../../../app/commands/sql';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { explorerQuery, savedQueries, type ExplorerRun } from '../../../app/reads/sql';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RowsTable } from '../../components/RowsTable';
import { AutoChart, chartable } from './AutoChart';
import { exportCsv, exportParquet } from './sql-export';

const EXAMPLE = 'SELECT artist, count(*) AS tracks\nFROM gold.track_facts\nGROUP BY artist\nORDER BY tracks DESC\nLIMIT 20';
const SHOWN_ROWS = 1000;

export default function SqlPage() {
  const [, actions] = useLakehouse();
  const [params] = useSearchParams<{ q?: string }>();
  const [text, setText] = createSignal(typeof params.q === 'string' && params.q ? params.q : EXAMPLE);
  const [submitted, setSubmitted] = createSignal<ExplorerRun | undefined>(undefined);
  const [name, setName] = createSignal('');
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const saved = useLive(savedQueries);
  const result = useLive(explorerQuery, submitted);
  const rows = () => result()?.rows ?? null;
  const error = () => result()?.error ?? null;
  const busy = () => result.loading;

  const run = () => setSubmitted((s) => ({ text: text(), press: (s?.press ?? 0) + 1 }));
  const save = async () => {
    if (!name().trim()) return;
    if ((await saveQuery(actions.commands, name().trim(), text())).ok) setName('');
  };
  const remove = (queryName: string) => void deleteSavedQuery(actions.commands, queryName);

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
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
        }}
      />
      <div class="toolbar">
        <button class="primary" onClick={run} disabled={busy()}>Run</button>
        <button onClick={() => exportCsv(rows() ?? [])} disabled={!rows()?.length}>Export CSV</button>
        <button onClick={() => exportParquet(rows() ?? [])} disabled={!rows()?.length}>Export Parquet</button>
        <Show when={rows()}>{(r) => <span class="muted" aria-live="polite">{`${r().length} rows in ${Math.round(result()?.ms ?? 0)} ms`}</span>}</Show>
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
          if (ok && queryName !== null) remove(queryName);
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
