// A virtualised, sortable table: only the rows in view are in the DOM, so 50,000 rows scroll
// as smoothly as 50. Sorting happens here on the already-loaded rows (a collator for text).
import { createVirtualizer } from '@tanstack/solid-virtual';
import { createMemo, createSignal, For, type JSX } from 'solid-js';

export interface Column<T> {
  key: keyof T & string;
  label: string;
  width: string; // a CSS grid track, e.g. '200px' or 'minmax(120px, 1fr)'
  numeric?: boolean;
  format?: (row: T) => string;
  /** The value to sort by when it is not the shown one (e.g. an artist without its 'The'). */
  sortKey?: keyof T & string;
  /** A cell with controls instead of text (e.g. rating stars). */
  render?: (row: T) => JSX.Element;
}

export interface SortState<T> {
  key: keyof T & string;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function sortRows<T>(rows: readonly T[], sort: SortState<T> | null): T[] {
  if (!sort) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  const k = sort.key;
  return [...rows].sort((a, b) => {
    const x = a[k] as unknown;
    const y = b[k] as unknown;
    // Empty values sort last in both directions: what a person looks for is the data.
    if (x == null || x === '') return y == null || y === '' ? 0 : 1;
    if (y == null || y === '') return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return collator.compare(String(x), String(y)) * sign;
  });
}

export function DataTable<T>(props: {
  rows: readonly T[];
  columns: Column<T>[];
  label: string;
  height?: string;
  onRowClick?: (row: T) => void;
  initialSort?: SortState<T>;
  empty?: JSX.Element;
}) {
  const [sort, setSort] = createSignal<SortState<T> | null>(props.initialSort ?? null);
  const sorted = createMemo(() => {
    const s = sort();
    const by = s && props.columns.find((c) => c.key === s.key)?.sortKey;
    return sortRows(props.rows, s && by ? { ...s, key: by } : s);
  });
  const template = () => props.columns.map((c) => c.width).join(' ');
  let scroller!: HTMLDivElement;
  const virtualizer = createVirtualizer({
    get count() {
      return sorted().length;
    },
    getScrollElement: () => scroller,
    estimateSize: () => 32,
    overscan: 12,
  });
  const toggle = (key: keyof T & string) => {
    const s = sort();
    setSort(s?.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' });
  };
  const cell = (row: T, c: Column<T>) => (c.format ? c.format(row) : String(row[c.key] ?? ''));

  return (
    <div ref={scroller} class="grid" style={{ height: props.height ?? '70vh' }} role="table" aria-label={props.label} aria-rowcount={sorted().length + 1}>
      <div class="grid-row grid-head" role="row" aria-rowindex={1} style={{ 'grid-template-columns': template(), 'min-width': 'max-content' }}>
        <For each={props.columns}>
          {(c) => (
            <div role="columnheader" aria-sort={sort()?.key === c.key ? (sort()!.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button class={c.numeric ? 'num' : ''} onClick={() => toggle(c.key)}>
                {c.label}
                {sort()?.key === c.key ? (sort()!.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </div>
          )}
        </For>
      </div>
      {sorted().length === 0 ? (
        <div class="muted" style={{ padding: 'var(--space-4)' }}>{props.empty ?? 'Nothing to show.'}</div>
      ) : (
        <div style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative', 'min-width': 'max-content' }}>
          <For each={virtualizer.getVirtualItems()}>
            {(item) => {
              const row = () => sorted()[item.index]!;
              return (
                <div
                  class="grid-row"
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-clickable={props.onRowClick ? 'true' : 'false'}
                  tabIndex={props.onRowClick ? 0 : undefined}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)`, 'grid-template-columns': template() }}
                  onClick={() => props.onRowClick?.(row())}
                  onKeyDown={(e) => e.key === 'Enter' && props.onRowClick?.(row())}
                >
                  <For each={props.columns}>
                    {(c) => (
                      <div role="cell" class={c.numeric ? 'num' : ''} title={c.render ? undefined : cell(row(), c)}>
                        {c.render ? c.render(row()) : cell(row(), c)}
                      </div>
                    )}
                  </For>
                </div>
              );
            }}
          </For>
        </div>
      )}
    </div>
  );
}
