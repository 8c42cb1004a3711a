// Listening trends: plays and minutes per day/week/month, plays by an attribute over time, the
// day-of-week by hour heatmap, streaks, and artists that rose or fell against the period before.
import { createSignal, For, Show } from 'solid-js';
import type { DashFilters, DashState, Grain } from '../../../app/reads/dashboards';
import { Chart, Plot } from '../../components/Chart';
import { previousStart } from './filters';
import { fmt, readyOf, useDash } from './use-dash';

type Series = { period: unknown; listens: number; minutes: number };
type DimRow = { month: unknown; value: string; listens: number };
type Heat = { dow: number; hour: number; listens: number };
type Streak = { first_day: unknown; last_day: unknown; days: number; is_latest: boolean };
type Mover = { kind: string; artist: string; before: number; after: number; change: number };
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DIM_LABEL = { genre: 'genre', bpm_band: 'BPM band', key: 'key', decade: 'decade' } as const;
const day = (v: unknown) => (v instanceof Date ? v : new Date(Number(v)));
const iso = (v: unknown) => day(v).toISOString().slice(0, 10);

export default function TrendsTab(props: { state: DashState; filters: DashFilters }) {
  const [grain, setGrain] = createSignal<Grain>('week');
  const [dim, setDim] = createSignal<keyof typeof DIM_LABEL>('genre');
  const series = useDash<Series>('trends_series', () => props.filters, () => [grain()]);
  const dims = useDash<DimRow>('trends_dims', () => props.filters, () => [dim()]);
  const heat = useDash<Heat>('trends_heatmap', () => props.filters);
  const streaks = useDash<Streak>('trends_streaks', () => props.filters);
  const before = () => previousStart(props.filters);
  const movers = useDash<Mover>('trends_movers', () => (before() ? props.filters : { ...props.filters, from: props.state.lastDay, to: props.state.lastDay }), () => [before() ?? props.state.lastDay]);
  const points = () => (series() ?? []).map((r) => ({ ...r, period: day(r.period) }));

  return (
    <div data-testid="dash-trends" data-ready={readyOf(series, dims, heat, streaks, movers)}>
      <Show when={props.state.listens > 0} fallback={<p class="card" data-testid="dash-no-history">No listening history: trends need plays. Use <strong>Import listening history</strong> on the Library page.</p>}>
        <div class="toolbar">
          <label>Per <select value={grain()} onChange={(e) => setGrain(e.currentTarget.value as Grain)}>
            <option value="day">day</option><option value="week">week</option><option value="month">month</option>
          </select></label>
          <label>Break down by <select value={dim()} onChange={(e) => setDim(e.currentTarget.value as keyof typeof DIM_LABEL)}>
            <For each={Object.entries(DIM_LABEL)}>{([v, l]) => <option value={v}>{l}</option>}</For>
          </select></label>
        </div>
        <div class="dash-grid">
          <Chart
            title={`Plays per ${grain()}`}
            summary={`${fmt(points().reduce((a, r) => a + r.listens, 0))} plays over ${points().length} ${grain()}s (UTC).`}
            rows={(series() ?? []).map((r) => ({ ...r, period: iso(r.period) }))}
            columns={[{ key: 'period', label: grain() }, { key: 'listens', label: 'plays' }, { key: 'minutes', label: 'minutes' }]}
            plot={(t) => ({
              x: { type: 'utc', label: grain() },
              y: { label: 'plays', grid: true },
              marks: [
                Plot.areaY(points(), { x: 'period', y: 'listens', fill: t.accent, fillOpacity: 0.25 }),
                Plot.lineY(points(), { x: 'period', y: 'listens', stroke: t.accent }),
                Plot.tip(points(), Plot.pointerX({ x: 'period', y: 'listens', title: (d: Series & { period: Date }) => `${d.period.toISOString().slice(0, 10)}\n${d.listens} plays, ${fmt(d.minutes)} min` })),
              ],
            })}
          />
          <Chart
            title={`Plays per month by ${DIM_LABEL[dim()]}`}
            summary="The eight largest values; the rest as 'other'."
            rows={(dims() ?? []).map((r) => ({ ...r, month: iso(r.month).slice(0, 7) }))}
            columns={[{ key: 'month', label: 'month' }, { key: 'value', label: DIM_LABEL[dim()] }, { key: 'listens', label: 'plays' }]}
            plot={() => ({
              x: { type: 'utc', label: 'month' },
              y: { label: 'plays', grid: true },
              color: { legend: true, scheme: 'tableau10' },
              marks: [
                Plot.areaY((dims() ?? []).map((r) => ({ ...r, month: day(r.month) })), { x: 'month', y: 'listens', fill: 'value', order: 'sum', tip: true }),
              ],
            })}
          />
          <Chart
            title="When you listen"
            summary="Plays by day of week and hour of day (UTC)."
            rows={heat() ?? []}
            columns={[{ key: 'dow', label: 'day (1 = Monday)' }, { key: 'hour', label: 'hour' }, { key: 'listens', label: 'plays' }]}
            height={240}
            plot={(t) => ({
              marginLeft: 40,
              x: { label: 'hour of day (UTC)', domain: Array.from({ length: 24 }, (_, h) => h) },
              y: { label: null, domain: DAYS },
              color: { type: 'linear', range: [t.surface, t.accent], legend: true, label: 'plays' },
              marks: [Plot.cell(heat() ?? [], { x: 'hour', y: (d: Heat) => DAYS[d.dow - 1], fill: 'listens', inset: 0.5, tip: true })],
            })}
          />
        </div>
        <div class="dash-grid">
          <section class="card" aria-labelledby="streaks-h">
            <h2 id="streaks-h">Streaks</h2>
            <p class="muted">Runs of consecutive days (UTC) with at least one play.</p>
            <ol class="dash-list">
              <For each={streaks()}>{(s) => <li>{`${s.days} days, ${iso(s.first_day)} to ${iso(s.last_day)}${s.is_latest ? ' (ongoing at the last day of history)' : ''}`}</li>}</For>
            </ol>
          </section>
          <section class="card" aria-labelledby="movers-h">
            <h2 id="movers-h">Risers and fallers</h2>
            <p class="muted">{before() ? `Artists' plays from ${props.filters.from} to ${props.filters.to} against the same number of days before.` : 'Choose a period (for example Last 90 days) to compare it with the one before.'}</p>
            <Show when={before()}>
              <table class="plain" aria-label="Risers and fallers">
                <thead><tr><th scope="col">artist</th><th scope="col">before</th><th scope="col">period</th><th scope="col">change</th></tr></thead>
                <tbody><For each={movers()}>{(m) => <tr><td>{m.artist}</td><td>{m.before}</td><td>{m.after}</td><td>{m.change > 0 ? `+${m.change}` : m.change}</td></tr>}</For></tbody>
              </table>
            </Show>
          </section>
        </div>
      </Show>
    </div>
  );
}
