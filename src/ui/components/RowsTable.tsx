// A plain <table> of query rows (small results: run history, SQL results, catalog columns).
import { For } from 'solid-js';
import type { Row } from '../../lakehouse/engine/sql-client';

export function cellText(v: unknown): string {
  if (v == null) return '';
  if (v instanceof Uint8Array) return `<${v.length} bytes>`;
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' && !Number.isInteger(v)) return String(Math.round(v * 1000) / 1000);
  return String(v);
}

export function RowsTable(props: { rows: Row[]; label: string; columns?: string[] }) {
  const columns = () => props.columns ?? Object.keys(props.rows[0] ?? {});
  return (
    <div style={{ overflow: 'auto' }} tabIndex={0} role="region" aria-label={`${props.label} (scrolls)`}>
      <table class="plain" aria-label={props.label}>
        <thead>
          <tr><For each={columns()}>{(c) => <th scope="col">{c}</th>}</For></tr>
        </thead>
        <tbody>
          <For each={props.rows}>{(r) => <tr><For each={columns()}>{(c) => <td>{cellText(r[c])}</td>}</For></tr>}</For>
        </tbody>
      </table>
    </div>
  );
}
