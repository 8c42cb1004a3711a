// The catalog: every schema's tables with their columns, types and row counts.
import { For, Show } from 'solid-js';
import { useQuery } from '../../../app/use-query';
import { formatCount } from '../../../domain/format-number';
import { catalog } from '../../../lakehouse/observability';

export default function CatalogPage() {
  const tables = useQuery(catalog);
  return (
    <section>
      <h1>Catalog</h1>
      <Show when={tables()} fallback={<p class="muted">Loading…</p>}>
        <For each={tables()}>
          {(t) => (
            <details class="card" style={{ 'margin-bottom': 'var(--space-2)' }}>
              <summary>
                <strong>{`${t.schema}.${t.table}`}</strong>
                <span class="muted">{` ${t.type === 'VIEW' ? 'view' : 'table'} · ${formatCount(t.rows)} rows · ${t.columns.length} columns`}</span>
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
