// The catalog: every schema's tables with their row counts, sizes in the database file and
// descriptions, then each table's columns with their types and descriptions.
import { For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { catalog } from '../../../app/reads/catalog';
import { formatBytes, formatCount } from '../../../domain/format-number';

const anchor = (schema: string, table: string) => `catalog-${schema}-${table}`;
const NUMBER = { 'text-align': 'right', 'white-space': 'nowrap' } as const;

export default function CatalogPage() {
  const tables = useLive(catalog);
  return (
    <section>
      <h1>Catalog</h1>
      <Show when={tables()} fallback={<p class="muted">Loading…</p>}>
        <div style={{ 'overflow-x': 'auto' }} tabIndex={0} role="region" aria-label="Tables, rows and sizes">
          <table class="plain" aria-label="Tables of the lakehouse">
            <thead>
              <tr><th scope="col">Table</th><th scope="col">Kind</th><th scope="col" style={NUMBER}>Rows</th><th scope="col" style={NUMBER}>Size</th><th scope="col">Description</th></tr>
            </thead>
            <tbody>
              <For each={tables()}>
                {(t) => (
                  <tr>
                    <th scope="row" style={{ 'font-weight': 'normal' }}><a href={`#${anchor(t.schema, t.table)}`} onClick={() => ((document.getElementById(anchor(t.schema, t.table)) as HTMLDetailsElement | null)?.setAttribute('open', ''))}>{`${t.schema}.${t.table}`}</a></th>
                    <td>{t.type === 'VIEW' ? 'view' : 'table'}</td>
                    <td style={NUMBER}>{formatCount(t.rows)}</td>
                    <td style={NUMBER} title={t.bytes == null ? 'A view stores no data' : `${formatCount(t.bytes)} bytes in whole storage blocks; 0 until first written to disk`}>
                      {t.bytes == null ? '—' : formatBytes(t.bytes)}
                    </td>
                    <td>{t.description ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <h2>Columns</h2>
        <For each={tables()}>
          {(t) => (
            <details class="card" id={anchor(t.schema, t.table)} style={{ 'margin-bottom': 'var(--space-2)' }}>
              <summary>
                <strong>{`${t.schema}.${t.table}`}</strong>
                <span class="muted">{` ${t.type === 'VIEW' ? 'view' : 'table'} · ${formatCount(t.rows)} rows${t.bytes == null ? '' : ` · ${formatBytes(t.bytes)}`} · ${t.columns.length} columns`}</span>
                {t.description && <span>{` — ${t.description}`}</span>}
              </summary>
              <table class="plain" aria-label={`Columns of ${t.schema}.${t.table}`}>
                <thead><tr><th>Column</th><th>Type</th><th>Description</th></tr></thead>
                <tbody><For each={t.columns}>{(c) => <tr><td>{c.name}</td><td>{c.type}</td><td>{c.description ?? ''}</td></tr>}</For></tbody>
              </table>
            </details>
          )}
        </For>
      </Show>
    </section>
  );
}
