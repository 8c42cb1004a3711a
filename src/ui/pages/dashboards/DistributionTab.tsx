// Distribution analysis: genres, labels, decades, BPM histogram, keys on the Camelot wheel,
// loudness and duration, key-by-genre and BPM-by-plays cross-tabs. Clicking a bar (or a table
// row's Filter button) puts dim/value in the URL: every chart and the track list narrow to it.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { DashFilters, DashState } from '../../../app/reads/dashboards';
import { Chart, Plot } from '../../components/Chart';
import { ChartCamelot } from '../../components/ChartCamelot';
import { RowsTable } from '../../components/RowsTable';
import { useDashParams } from './filters';
import { readyOf, useDash } from './use-dash';

type DimRow = { dim: string; value: string; sort_key: number | null; tracks: number; plays: number };
type Cross = { kind: string; x: string; y: string; x_sort: number | null; tracks: number };
const BARS = [['genre', 'Genres', 'tracks'], ['label', 'Labels', 'tracks'], ['decade', 'Decades', 'tracks'], ['bpm_band', 'Tempo (BPM)', 'tracks'], ['loudness', 'Loudness (LUFS)', 'tracks'], ['duration', 'Duration (minutes)', 'tracks']] as const;

export default function DistributionTab(props: { state: DashState; filters: DashFilters }) {
  const { params, setParams, one } = useDashParams();
  const sel = () => [one(params.dim), one(params.value)];
  const dims = useDash<DimRow>('dist_dims', () => props.filters, sel);
  const cross = useDash<Cross>('dist_cross', () => props.filters, sel);
  const tracks = useDash('dist_tracks', () => props.filters, sel);
  const select = (dim: string, value: string) => setParams({ dim, value });
  const rowsOf = (dim: string) => {
    const rows = (dims() ?? []).filter((r) => r.dim === dim);
    // Banded dimensions keep their numeric order; the others show the 20 largest.
    return rows[0]?.sort_key != null ? rows.sort((a, b) => a.sort_key! - b.sort_key!) : rows.sort((a, b) => b.tracks - a.tracks).slice(0, 20);
  };
  return (
    <div data-testid="dash-distribution" data-ready={readyOf(dims, cross, tracks)}>
      <Show when={one(params.dim)}>
        <p class="toolbar" role="status">{`Showing tracks where ${one(params.dim)} is ${one(params.value)}.`} <button onClick={() => setParams({ dim: undefined, value: undefined })}>Clear selection</button></p>
      </Show>
      <div class="dash-grid">
        <For each={BARS}>
          {([dim, title]) => (
            <Chart
              title={title}
              summary={`Tracks per ${dim === 'bpm_band' ? '10-BPM band' : dim}; click a bar to filter.`}
              rows={rowsOf(dim)}
              columns={[{ key: 'value', label: dim }, { key: 'tracks', label: 'tracks' }, { key: 'plays', label: 'plays (all time)' }]}
              onSelect={(r) => select(dim, r.value)}
              selectLabel={(r) => `Filter to ${r.value}`}
              plot={(t) => ({
                marginBottom: 60,
                x: { label: null, domain: rowsOf(dim).map((r) => r.value), tickRotate: -35 },
                y: { label: 'tracks', grid: true },
                marks: [
                  Plot.barY(rowsOf(dim), { x: 'value', y: 'tracks', fill: (d: DimRow) => (d.value === one(params.value) ? t.text : t.accent) }),
                  Plot.tip(rowsOf(dim), Plot.pointerX({ x: 'value', y: 'tracks', title: (d: DimRow) => `${d.value}\n${d.tracks} tracks, ${d.plays} plays of all time` })),
                ],
              })}
            />
          )}
        </For>
        <ChartCamelot
          title="Keys on the Camelot wheel"
          counts={(dims() ?? []).filter((r) => r.dim === 'key' && /^\d+[AB]$/.test(r.value)).map((r) => ({ camelot: r.value, tracks: r.tracks }))}
          selected={one(params.dim) === 'key' ? one(params.value) : null}
          onSelect={(code) => select('key', code)}
        />
        <Chart
          title="Key by genre"
          summary="Tracks per Camelot key in the 10 largest genres."
          rows={(cross() ?? []).filter((c) => c.kind === 'key_genre')}
          columns={[{ key: 'x', label: 'genre' }, { key: 'y', label: 'key' }, { key: 'tracks', label: 'tracks' }]}
          height={420}
          plot={(t) => ({
            marginLeft: 50, marginBottom: 60,
            x: { label: null, tickRotate: -35 },
            y: { label: 'key', domain: Array.from({ length: 12 }, (_, i) => [`${i + 1}A`, `${i + 1}B`]).flat() },
            color: { type: 'linear', range: [t.surface, t.accent], legend: true, label: 'tracks' },
            marks: [Plot.cell((cross() ?? []).filter((c) => c.kind === 'key_genre'), { x: 'x', y: 'y', fill: 'tracks', inset: 0.5, tip: true })],
          })}
        />
        <Chart
          title="Tempo by plays"
          summary="Tracks per 10-BPM band and play count (aggregated, not one dot per track)."
          rows={(cross() ?? []).filter((c) => c.kind === 'bpm_plays')}
          columns={[{ key: 'x', label: 'BPM band' }, { key: 'y', label: 'plays' }, { key: 'tracks', label: 'tracks' }]}
          plot={(t) => {
            const rows = (cross() ?? []).filter((c) => c.kind === 'bpm_plays').sort((a, b) => (a.x_sort ?? 0) - (b.x_sort ?? 0));
            return {
              marginBottom: 60,
              x: { label: 'BPM', domain: [...new Set(rows.map((r) => r.x))], tickRotate: -35 },
              y: { label: 'plays per track', domain: ['0', '1–4', '5–19', '20+'] },
              color: { type: 'linear', range: [t.surface, t.accent], legend: true, label: 'tracks' },
              marks: [Plot.cell(rows, { x: 'x', y: 'y', fill: 'tracks', inset: 0.5, tip: true })],
            };
          }}
        />
      </div>
      <h2>Tracks</h2>
      <p class="muted">{`The ${tracks()?.length ?? 0} most played tracks in this view (at most 200).`}</p>
      <RowsTable rows={tracks() ?? []} label="Tracks in this view" />
      <p><A href={`/sql?q=${encodeURIComponent('SELECT * FROM gold.dash_track_dims LIMIT 100')}`}>Open the table behind this page in the SQL explorer</A></p>
    </div>
  );
}
