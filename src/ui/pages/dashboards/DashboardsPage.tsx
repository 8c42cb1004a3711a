// Dashboards: tabs as sub-routes (/dashboards, /dashboards/trends, /library, /distribution,
// /insights) under one filter bar whose state is in the URL. Every figure is a live read of gold
// tables (app/reads/dashboards.ts); an empty state names what is missing and the one fix.
import { A, useLocation, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { dashState } from '../../../app/reads/dashboards';
import DistributionTab from './DistributionTab';
import { PRESETS, useDashParams } from './filters';
import InsightsTab from './InsightsTab';
import LibraryTab from './LibraryTab';
import OverviewTab from './OverviewTab';
import TrendsTab from './TrendsTab';
import './dashboards.css';

const TABS = [['', 'Overview'], ['trends', 'Listening trends'], ['library', 'Library optimisation'], ['distribution', 'Distribution'], ['insights', 'Insights']] as const;

export default function DashboardsPage() {
  const route = useParams<{ tab?: string }>();
  const location = useLocation();
  const { params, setParams, preset, filters, one } = useDashParams();
  const state = useLive(dashState);
  const tab = () => route.tab ?? '';
  const f = () => filters(state());

  return (
    <section class="dashboards">
      <h1>Dashboards</h1>
      <nav class="dash-tabs" aria-label="Dashboards">
        <For each={TABS}>{([path, label]) => <A href={`/dashboards${path ? `/${path}` : ''}${location.search}`} end>{label}</A>}</For>
      </nav>
      <form class="toolbar dash-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>Period{' '}
          <select value={preset()} onChange={(e) => setParams({ period: e.currentTarget.value === 'all' ? undefined : e.currentTarget.value })}>
            <For each={PRESETS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </label>
        <Show when={preset() === 'custom'}>
          <label>From <input type="date" value={one(params.from) ?? ''} onChange={(e) => setParams({ from: e.currentTarget.value || undefined })} /></label>
          <label>To <input type="date" value={one(params.to) ?? ''} onChange={(e) => setParams({ to: e.currentTarget.value || undefined })} /></label>
        </Show>
        <label>Genre{' '}
          <select value={one(params.genre) ?? ''} onChange={(e) => setParams({ genre: e.currentTarget.value || undefined })}>
            <option value="">All genres</option>
            <For each={state()?.genres ?? []}>{(g) => <option value={g} selected={g === one(params.genre)}>{g}</option>}</For>
          </select>
        </label>
        <label>Source{' '}
          <select value={one(params.source) ?? ''} onChange={(e) => setParams({ source: e.currentTarget.value || undefined })}>
            <option value="">All sources</option>
            <For each={state()?.sources ?? []}>{(s) => <option value={s} selected={s === one(params.source)}>{s}</option>}</For>
          </select>
        </label>
        <Show when={f().from || f().to}><span class="muted">{`${f().from ?? '…'} to ${f().to ?? '…'}`}</span></Show>
      </form>
      <Show when={state()} fallback={<p class="muted">Loading…</p>}>
        {(s) => (
          <Switch>
            <Match when={s().tracks === 0}>
              <p class="card" data-testid="dash-empty">No tracks yet: the dashboards read your library. <A href="/">Choose your music folder</A> on the Library page.</p>
            </Match>
            <Match when={s().needsBuild}>
              <p class="card" data-testid="dash-empty">The dashboard tables have not been built yet for this library. Run a <A href="/pipeline">Full rebuild</A> on the Pipeline page.</p>
            </Match>
            <Match when={tab() === ''}><OverviewTab state={s()} filters={f()} /></Match>
            <Match when={tab() === 'trends'}><TrendsTab state={s()} filters={f()} /></Match>
            <Match when={tab() === 'library'}><LibraryTab state={s()} filters={f()} /></Match>
            <Match when={tab() === 'distribution'}><DistributionTab state={s()} filters={f()} /></Match>
            <Match when={tab() === 'insights'}><InsightsTab state={s()} filters={f()} /></Match>
          </Switch>
        )}
      </Show>
    </section>
  );
}
