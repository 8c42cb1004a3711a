// The one wrapper around Observable Plot: a titled figure with units in its axes, Plot's tip
// mark for pointer tooltips, colours from the theme's CSS variables (re-drawn when the theme
// changes), a focusable figure, and the data as a table for keyboard and screen-reader users.
// Plot appends <style> elements, which the CSP (style-src-elem 'self') refuses: they are removed
// before the chart enters the document and their rules live in chart.css instead.
import * as Plot from '@observablehq/plot';
import { createEffect, createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { cellText } from './RowsTable';
import './chart.css';

export interface ChartTheme {
  text: string;
  muted: string;
  accent: string;
  surface: string;
  border: string;
}

/** The theme as the page currently shows it (tokens.css, light or dark). */
function readTheme(): ChartTheme {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return { text: v('--text', '#222'), muted: v('--text-muted', '#666'), accent: v('--accent', '#3b6fd8'), surface: v('--surface', '#fff'), border: v('--border', '#ccc') };
}

/** A signal of the theme that follows the Theme button and the system setting. */
function useTheme() {
  const [theme, setTheme] = createSignal(readTheme());
  const update = () => setTheme(readTheme());
  const observer = new MutationObserver(update);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', update);
  onCleanup(() => (observer.disconnect(), media.removeEventListener('change', update)));
  return theme;
}

export interface ChartProps<T> {
  title: string;
  /** One sentence saying what the chart shows; also its accessible description. */
  summary: string;
  /** Plot marks and scales for the current theme; the wrapper adds size, colours and fonts. */
  plot: (theme: ChartTheme) => Plot.PlotOptions;
  /** The data behind the chart, shown as a table on demand (the text alternative). */
  rows: T[];
  columns: { key: keyof T & string; label: string }[];
  /** Called with the datum under the pointer when the chart is clicked, or from the table's buttons. */
  onSelect?: (row: T) => void;
  selectLabel?: (row: T) => string;
  height?: number;
}

export function Chart<T extends object>(props: ChartProps<T>): JSX.Element {
  const theme = useTheme();
  let box!: HTMLDivElement;
  const [width, setWidth] = createSignal(640);
  const resize = new ResizeObserver(([entry]) => entry && setWidth(Math.max(280, Math.floor(entry.contentRect.width))));
  createEffect(() => resize.observe(box));
  onCleanup(() => resize.disconnect());

  createEffect(() => {
    const t = theme();
    const options = props.plot(t);
    const figure = Plot.plot({
      width: width(),
      height: props.height ?? 260,
      className: 'wolfie-plot',
      ariaLabel: props.title,
      ariaDescription: props.summary,
      style: { background: 'transparent', color: t.text, fontSize: '12px', fontFamily: 'inherit' },
      ...options,
    });
    for (const style of figure.querySelectorAll('style')) style.remove();
    // Plot's pointer transforms expose the datum under the pointer as `value`.
    figure.addEventListener('click', () => {
      const value = (figure as unknown as { value?: T | null }).value;
      if (value && props.onSelect) props.onSelect(value);
    });
    box.replaceChildren(figure);
  });

  return (
    <figure class="chart" tabIndex={0} aria-label={`${props.title}. ${props.summary}`}>
      <figcaption>
        <strong>{props.title}</strong>
        <span class="muted">{props.summary}</span>
      </figcaption>
      <div ref={box} class="chart-plot" data-clickable={props.onSelect ? 'true' : 'false'} />
      <details class="chart-data">
        <summary>{`Data table (${props.rows.length} rows)`}</summary>
        <table class="plain" aria-label={`${props.title}: data`}>
          <thead>
            <tr>
              <For each={props.columns}>{(c) => <th scope="col">{c.label}</th>}</For>
              <Show when={props.onSelect}><th scope="col"><span class="visually-hidden">Filter</span></th></Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows.slice(0, 500)}>
              {(r) => (
                <tr>
                  <For each={props.columns}>{(c) => <td>{cellText(r[c.key])}</td>}</For>
                  <Show when={props.onSelect}>
                    {(select) => <td><button onClick={() => select()(r)}>{props.selectLabel?.(r) ?? 'Filter'}</button></td>}
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export { Plot };
