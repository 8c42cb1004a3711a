// The recap ("Wrapped") for a year or any period, and its PNG download.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { listeningYears, recap } from '../../../app/reads/playlists';
import type { Ranked } from '../../../domain/playlist-recap';
import { downloadBlob } from '../../../platform/download';
import { recapPng } from './recap-image';

export function RecapView() {
  const [, actions] = useLakehouse();
  const years = useLive(listeningYears);
  const thisYear = new Date().getUTCFullYear();
  const [from, setFrom] = createSignal(`${thisYear}-01-01`);
  const [to, setTo] = createSignal(`${thisYear + 1}-01-01`);
  const data = useLive(recap, () => ({ from: from(), to: to() }));
  const period = () => (from().endsWith('-01-01') && to() === `${Number(from().slice(0, 4)) + 1}-01-01` ? from().slice(0, 4) : `${from()} – ${to()}`);
  const list = (title: string, items: Ranked[] | undefined) => (
    <div><h3>{title}</h3><Show when={items?.length} fallback={<p class="muted">—</p>}><ol><For each={items}>{(i) => <li>{i.name} <span class="muted">({i.count}{i.allTime !== undefined ? ` · ${i.allTime} all time` : ''})</span></li>}</For></ol></Show></div>
  );
  const download = async () => {
    const r = data();
    if (!r) return;
    try {
      downloadBlob(await recapPng(r, period()), `wolfie-recap-${period().replace(/[^\w-]+/g, '_')}.png`);
    } catch (e) {
      actions.toast('error', e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="card" aria-labelledby="recap-h">
      <h2 id="recap-h">Recap</h2>
      <div class="toolbar">
        <label>Year <select aria-label="Year" onChange={(e) => { const y = Number(e.currentTarget.value); setFrom(`${y}-01-01`); setTo(`${y + 1}-01-01`); }}>
          <option value="">choose…</option><For each={years()}>{(y) => <option value={y}>{y}</option>}</For>
        </select></label>
        <label>From <input type="date" value={from()} onChange={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>To (exclusive) <input type="date" value={to()} onChange={(e) => setTo(e.currentTarget.value)} /></label>
        <button onClick={() => void download()} disabled={!data()?.listens}>Download recap image (PNG)</button>
      </div>
      <Show when={data()} fallback={<p class="muted">Loading…</p>}>
        {(r) => (
          <>
            <p><strong>{r().minutes.toLocaleString()} minutes</strong> listened (skips included), {r().listens.toLocaleString()} plays · <strong>{r().personality.name}</strong>: {r().personality.why}</p>
            <p>Favourite keys: {r().topKeys.map((k) => k.name).join(', ') || '—'} · typical tempo: {r().medianBpm ? `${r().medianBpm} BPM` : '—'}</p>
            <div class="recap-grid" style={{ display: 'grid', 'grid-template-columns': 'repeat(auto-fit, minmax(220px, 1fr))', gap: 'var(--space-3)' }}>
              {list('Top tracks', r().topTracks)}{list('Top artists', r().topArtists)}{list('Top genres', r().topGenres)}{list('Discoveries', r().discoveries)}
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
