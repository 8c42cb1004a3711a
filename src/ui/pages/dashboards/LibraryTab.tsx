// Library optimisation: never/rarely played tracks relative to time in the library, long-unplayed
// favourites, over-played tracks with alternatives, duplicates and versions, missing tags.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { DashFilters, DashState } from '../../../app/reads/dashboards';
import { RowsTable } from '../../components/RowsTable';
import { fmt, readyOf, useDash } from './use-dash';

type Rare = { kind: string; track_id: string; artist: string; title: string; genre: string; play_count: number; days_in_library: number; plays_per_30_days: number; total: number };
type Over = { track_id: string; artist: string; title: string; play_count: number; bpm: number; key_code: string; alternatives: { track_id: string; artist: string; title: string; bpm: number; key: string }[] | null };

export default function LibraryTab(props: { state: DashState; filters: DashFilters }) {
  const rare = useDash<Rare>('library_rarely_played', () => props.filters);
  const favs = useDash('library_unplayed_favourites', () => props.filters);
  const over = useDash<Over>('library_overplayed', () => props.filters);
  const dups = useDash('library_duplicates', () => props.filters);
  const missing = useDash('library_missing_tags', () => props.filters);
  const total = (kind: string) => rare()?.find((r) => r.kind === kind)?.total ?? 0;
  const title = (t: { artist: string | null; title: string | null }) => `${t.artist ?? 'Unknown artist'} – ${t.title ?? 'Untitled'}`;
  return (
    <div data-testid="dash-library" data-ready={readyOf(rare, favs, over, dups, missing)}>
      <Show when={props.state.listens === 0}><p class="card">Without listening history every track counts as never played. Use <strong>Import listening history</strong> on the <A href="/">Library</A> page.</p></Show>
      <h2>Never and rarely played</h2>
      <p class="muted">{`${fmt(total('never'))} tracks never played; ${fmt(total('rarely'))} played less than once per 120 days in the library (after 60 days). Showing 100.`}</p>
      <RowsTable rows={rare() ?? []} label="Never and rarely played tracks" columns={['kind', 'artist', 'title', 'genre', 'play_count', 'days_in_library', 'plays_per_30_days']} />
      <h2>Long-unplayed favourites</h2>
      <p class="muted">Rated 4 or more and not played in the 180 days before your last listen.</p>
      <RowsTable rows={favs() ?? []} label="Long-unplayed favourites" />
      <h2>Over-played, with alternatives</h2>
      <p class="muted">Tracks played at least three times as often as your typical played track; alternatives share a neighbouring Camelot key, are within 4 % BPM and closest in energy and danceability.</p>
      <ul class="dash-list">
        <For each={over()}>
          {(o) => (
            <li>
              <A href={`/track/${o.track_id}`}>{title(o)}</A>{` – ${o.play_count} plays, ${fmt(o.bpm)} BPM, ${o.key_code}`}
              <Show when={o.alternatives?.length} fallback={<span class="muted"> (no close alternative)</span>}>
                <ul><For each={o.alternatives}>{(a) => <li><A href={`/track/${a.track_id}`}>{title(a)}</A>{` (${fmt(a.bpm)} BPM, ${a.key})`}</li>}</For></ul>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <h2>Duplicates and versions</h2>
      <RowsTable rows={dups() ?? []} label="Duplicates and versions" />
      <h2>Missing tags</h2>
      <RowsTable rows={missing() ?? []} label="Missing tags" />
    </div>
  );
}
