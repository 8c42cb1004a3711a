// The read-only SQL explorer: a query over every schema, its result as a table, CSV export.
import Papa from 'papaparse';
import { createSignal, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { runReadOnly } from '../../../lakehouse/read-only';
import type { Row } from '../../../lakehouse/sql-client';
import { downloadBlob } from '../../../platform/download';
import { cellText, RowsTable } from '../../components/RowsTable';

const EXAMPLE = 'SELECT artist, count(*) AS tracks\nFROM gold.track_facts\nGROUP BY artist\nORDER BY tracks DESC\nLIMIT 20';
const SHOWN_ROWS = 1000;

export default function SqlPage() {
  const [, actions] = useLakehouse();
  const [text, setText] = createSignal(EXAMPLE);
  const [rows, setRows] = createSignal<Row[] | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [ms, setMs] = createSignal(0);

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
  const exportCsv = () => {
    const r = rows() ?? [];
    const fields = Object.keys(r[0] ?? {});
    const csv = Papa.unparse({ fields, data: r.map((row) => fields.map((f) => cellText(row[f]))) }, { newline: '\r\n' });
    downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), 'wolfie-query.csv');
  };

  return (
    <section>
      <h1>SQL explorer</h1>
      <p class="muted">Read-only: queries run in a transaction that cannot change your library. Schemas: raw, bronze, silver, gold, meta.</p>
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
        <button onClick={exportCsv} disabled={!rows()?.length}>Export CSV</button>
        <Show when={rows()}>{(r) => <span class="muted" aria-live="polite">{`${r().length} rows in ${Math.round(ms())} ms`}</span>}</Show>
      </div>
      <Show when={error()}>{(e) => <p class="card error-text" role="alert">{e()}</p>}</Show>
      <Show when={rows()}>
        {(r) => (
          <>
            <Show when={r().length > SHOWN_ROWS}><p class="muted">{`Showing the first ${SHOWN_ROWS} rows; Export CSV has all ${r().length}.`}</p></Show>
            <RowsTable rows={r().slice(0, SHOWN_ROWS)} label="Query result" />
          </>
        )}
      </Show>
    </section>
  );
}
