// Insights: sentences computed from gold (src/domain/insights.ts decides what is meaningful),
// each with its support, a link to the query behind it and to its tracks.
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { bpmInsight, genreKeyInsights, hoursInsight, MIN_PLAYS, MIN_TRACKS, skipInsight, type Insight } from '../../../domain/insights';
import { inlinedSql, type DashFilters, type DashQuery, type DashState } from '../../../app/reads/dashboards';
import { readyOf, useDash } from './use-dash';

export default function InsightsTab(props: { state: DashState; filters: DashFilters }) {
  const bpm = useDash<{ band: string; tracks: number; plays: number }>('insight_bpm_plays', () => props.filters);
  const keys = useDash<{ genre: string; camelot: string; tracks: number }>('insight_genre_keys', () => props.filters);
  const skips = useDash<{ genre: string; listens: number; skips: number }>('insight_genre_skips', () => props.filters);
  const hours = useDash<{ dow: number; hour: number; listens: number }>('trends_heatmap', () => props.filters);
  const insights = (): Insight[] =>
    [bpmInsight(bpm() ?? []), ...genreKeyInsights(keys() ?? []), skipInsight(skips() ?? []), hoursInsight(hours() ?? [])].filter((i): i is Insight => !!i);
  const sqlLink = (name: string) => `/sql?q=${encodeURIComponent(inlinedSql(name as DashQuery, props.filters))}`;
  const tracksLink = (t: NonNullable<Insight['tracks']>) => `/dashboards/distribution?dim=${encodeURIComponent(t.dim)}&value=${encodeURIComponent(t.value)}`;
  return (
    <div data-testid="dash-insights" data-ready={readyOf(bpm, keys, skips, hours)}>
      <p class="muted">{`Only findings that reach ${MIN_PLAYS} plays or ${MIN_TRACKS} tracks and differ from chance (one-sided z-test, p < 0.01) are stated.`}</p>
      <Show when={insights().length} fallback={<p class="card">No finding is statistically meaningful yet: import more listening history or add tracks.</p>}>
        <ul class="dash-list" aria-label="Insights">
          <For each={insights()}>
            {(i) => (
              <li class="dash-insight">
                {i.text} <span class="muted">{`(support: ${i.support.toLocaleString('en-GB')} ${i.query.includes('keys') ? 'tracks' : 'plays'})`}</span>{' '}
                <A href={sqlLink(i.query)}>Query</A>
                <Show when={i.tracks}>{(t) => <> · <A href={tracksLink(t())}>Tracks</A></>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
