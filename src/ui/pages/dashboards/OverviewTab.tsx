// Overview: library and listening totals for the period, top artists/tracks/genres/labels, new additions.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { DashFilters, DashState } from '../../../app/reads/dashboards';
import { Chart, Plot } from '../../components/Chart';
import { fmt, readyOf, useDash } from './use-dash';

type Totals = { tracks: number; music_h: number; added: number; listens: number; skips: number; listened_h: number; days: number };
type Top = { kind: string; name: string; track_id: string | null; listens: number };
type New = { track_id: string; artist: string | null; title: string | null; genre: string; first_seen_at: unknown };

export default function OverviewTab(props: { state: DashState; filters: DashFilters }) {
  const totals = useDash<Totals>('overview_totals', () => props.filters);
  const top = useDash<Top>('overview_top', () => props.filters);
  const added = useDash<New>('overview_new', () => props.filters);
  const of = (kind: string) => (top() ?? []).filter((t) => t.kind === kind);
  return (
    <div data-testid="dash-overview" data-ready={readyOf(totals, top, added)}>
      <Show when={totals()?.[0]}>
        {(t) => (
          <div class="dash-figures" role="list" aria-label="Totals">
            <div class="card" role="listitem"><strong>{fmt(t().tracks)}</strong> tracks</div>
            <div class="card" role="listitem"><strong>{fmt(t().music_h, 1)} h</strong> of music</div>
            <div class="card" role="listitem"><strong>{fmt(t().listened_h, 1)} h</strong> listened</div>
            <div class="card" role="listitem"><strong>{fmt(t().listens)}</strong> plays ({fmt(t().skips)} skips)</div>
            <div class="card" role="listitem"><strong>{fmt(t().added)}</strong> tracks added</div>
          </div>
        )}
      </Show>
      <Show when={props.state.listens === 0}>
        <p class="card" data-testid="dash-no-history">No listening history yet, so plays and top lists are empty. Use <strong>Import listening history</strong> on the <A href="/">Library</A> page.</p>
      </Show>
      <div class="dash-grid">
        <For each={[['artist', 'Top artists'], ['track', 'Top tracks'], ['genre', 'Top genres'], ['label', 'Top labels']] as const}>
          {([kind, title]) => (
            <Show when={of(kind).length}>
              <Chart
                title={title}
                summary={`Top ${of(kind).length} by plays in the period, of ${fmt(totals()?.[0]?.listens)} plays in all (skips left out; tracks not in your library counted${kind === 'genre' || kind === 'label' ? ' under "(not in library)"' : ''}).`}
                rows={of(kind)}
                columns={[{ key: 'name', label: kind }, { key: 'listens', label: 'plays' }]}
                height={Math.max(120, of(kind).length * 24 + 40)}
                plot={(t) => ({
                  marginLeft: 160,
                  x: { label: 'plays', grid: true },
                  y: { label: null, domain: of(kind).map((r) => r.name), tickFormat: (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s) },
                  marks: [
                    Plot.barX(of(kind), { x: 'listens', y: 'name', fill: t.accent }),
                    Plot.tip(of(kind), Plot.pointerY({ x: 'listens', y: 'name', title: (d: Top) => `${d.name}\n${d.listens} plays` })),
                  ],
                })}
              />
            </Show>
          )}
        </For>
      </div>
      <h2>New additions</h2>
      <Show when={added()?.length} fallback={<p class="muted">No tracks were added in this period.</p>}>
        <ul class="dash-list">
          <For each={added()}>{(n) => <li><A href={`/track/${n.track_id}`}>{`${n.artist ?? 'Unknown artist'} – ${n.title ?? 'Untitled'}`}</A> <span class="muted">{n.genre}</span></li>}</For>
        </ul>
      </Show>
    </div>
  );
}
