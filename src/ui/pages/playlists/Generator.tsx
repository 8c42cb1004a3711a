// The harmonic playlist generator: seeds or criteria, length, mode and energy arc in; a playlist
// with scored transitions out, editable (lock, reorder, remove), regenerable around the locks,
// exportable as M3U8 (relative or absolute paths) and CSV, and savable.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { savePlaylist } from '../../../app/commands/playlists';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { moreLikeThis, pool as poolRead } from '../../../app/reads/playlists';
import { playlistFileName, toCsv } from '../../../domain/m3u';
import { compatibleShare, type EnergyArc, type PlaylistTrack } from '../../../domain/playlist';
import { generatePlaylist, type PlaylistMode } from '../../../domain/playlist-generate';
import { downloadBlob } from '../../../platform/download';
import { downloadM3u } from './download-m3u';
import { PlaylistTable, type Slot } from './PlaylistTable';

export function Generator() {
  const [, actions] = useLakehouse();
  const rows = useLive(poolRead);
  const pool = () => rows()?.tracks ?? [];
  const [mode, setMode] = createSignal<PlaylistMode>('balanced');
  const [arc, setArc] = createSignal<EnergyArc>('warm-up-peak-cool-down');
  const [amount, setAmount] = createSignal(12);
  const [unit, setUnit] = createSignal<'tracks' | 'minutes'>('tracks');
  const [gap, setGap] = createSignal(3);
  const [seed, setSeed] = createSignal('');
  const [genre, setGenre] = createSignal('');
  const [bpmMin, setBpmMin] = createSignal<number | null>(null);
  const [bpmMax, setBpmMax] = createSignal<number | null>(null);
  const [slots, setSlots] = createSignal<Slot[]>([]);
  const [notes, setNotes] = createSignal<string[]>([]);
  const [root, setRoot] = createSignal('');
  const [title, setTitle] = createSignal('Wolfie mix');
  const [similarTo, setSimilarTo] = createSignal<PlaylistTrack | undefined>(undefined);
  const neighbours = useLive(moreLikeThis, () => similarTo()?.trackId);
  const similar = () => {
    const of = similarTo();
    return of && neighbours() ? { of, rows: neighbours()! } : null;
  };

  const label = (t: PlaylistTrack) => `${t.artist ?? 'Unknown artist'} – ${t.title ?? t.path}`;
  const candidates = createMemo(() => {
    const g = genre().trim().toLowerCase();
    const all = rows();
    return (all?.rows ?? []).flatMap((r, i) => {
      if (g && !(r.genre ?? '').toLowerCase().includes(g)) return [];
      if (bpmMin() !== null && (r.bpm ?? 0) < bpmMin()!) return [];
      return bpmMax() === null || (r.bpm ?? Infinity) <= bpmMax()! ? [all!.tracks[i]!] : [];
    });
  });
  const share = createMemo(() => compatibleShare(slots().map((s) => s.track)));

  const generate = (keepLocks: boolean) => {
    const all = candidates();
    const seedTrack = pool().find((t) => label(t) === seed());
    const locked = keepLocks ? slots().map((s) => (s.locked ? s.track.trackId : null)) : undefined;
    const lockedTracks = keepLocks ? slots().filter((s) => s.locked).map((s) => s.track) : [];
    const usable = [...new Map([...all, ...(seedTrack ? [seedTrack] : []), ...lockedTracks].map((t) => [t.trackId, t])).values()];
    const result = generatePlaylist({
      pool: usable, length: unit() === 'tracks' ? { tracks: amount() } : { minutes: amount() }, mode: mode(), arc: arc(), artistGap: gap(),
      seeds: seedTrack ? [seedTrack.trackId] : [], locked,
    });
    const lockedIds = new Set(lockedTracks.map((t) => t.trackId));
    setSlots(result.tracks.map((track) => ({ track, locked: lockedIds.has(track.trackId) })));
    setNotes(result.notes);
  };
  const entries = () => slots().map(({ track: t }) => ({ path: t.path, artist: t.artist, title: t.title, durationS: t.durationS }));
  const exportM3u = () => downloadM3u(title(), entries(), root());
  const exportCsv = () => {
    const rows = slots().map(({ track: t }, i) => [i + 1, t.artist, t.title, t.path, t.durationS, t.bpm, t.key, t.energy]);
    downloadBlob(new Blob(['\ufeff', toCsv(['position', 'artist', 'title', 'path', 'duration_s', 'bpm', 'key', 'energy'], rows)], { type: 'text/csv;charset=utf-8' }), playlistFileName(title(), 'csv'));
  };
  const save = async () => {
    const saved = await savePlaylist(actions.commands, title(), slots().map((s) => ({ trackId: s.track.trackId, locked: s.locked })), { mode: mode(), arc: arc(), amount: amount(), unit: unit(), gap: gap() });
    if (saved.ok) actions.toast('success', `Saved “${title()}” (playlist ${saved.value}, ${slots().length} tracks).`); // the Saved playlists list re-reads itself
  };

  return (
    <section class="card" aria-labelledby="gen-h">
      <h2 id="gen-h">Harmonic playlist generator</h2>
      <div class="form-grid" style={{ display: 'grid', 'grid-template-columns': 'repeat(auto-fit, minmax(220px, 1fr))', gap: 'var(--space-2)' }}>
        <label>Start from (seed track) <input list="seed-tracks" value={seed()} onInput={(e) => setSeed(e.currentTarget.value)} placeholder="optional" /></label>
        <datalist id="seed-tracks"><For each={pool().slice(0, 2000)}>{(t) => <option value={label(t)} />}</For></datalist>
        <label>Criteria: genre contains <input value={genre()} onInput={(e) => setGenre(e.currentTarget.value)} /></label>
        <label>BPM from <input type="number" min="0" value={bpmMin() ?? ''} onInput={(e) => setBpmMin(e.currentTarget.value ? Number(e.currentTarget.value) : null)} /></label>
        <label>BPM to <input type="number" min="0" value={bpmMax() ?? ''} onInput={(e) => setBpmMax(e.currentTarget.value ? Number(e.currentTarget.value) : null)} /></label>
        <label>Length <input type="number" min="1" max="500" value={amount()} onInput={(e) => setAmount(Math.max(1, Number(e.currentTarget.value) || 1))} /></label>
        <label>Unit <select aria-label="Unit" value={unit()} onChange={(e) => setUnit(e.currentTarget.value as 'tracks' | 'minutes')}><option value="tracks">tracks</option><option value="minutes">minutes</option></select></label>
        <label>Mode <select aria-label="Mode" value={mode()} onChange={(e) => setMode(e.currentTarget.value as PlaylistMode)}><option value="favourites">Favourites</option><option value="rediscover">Rediscover rarely played</option><option value="balanced">Balanced</option></select></label>
        <label>Energy arc <select aria-label="Energy arc" value={arc()} onChange={(e) => setArc(e.currentTarget.value as EnergyArc)}><option value="warm-up-peak-cool-down">Warm-up, peak, cool-down</option><option value="rising">Rising</option><option value="steady">Steady</option></select></label>
        <label>No artist repeat within <input type="number" min="0" max="20" value={gap()} onInput={(e) => setGap(Math.max(0, Number(e.currentTarget.value) || 0))} /> tracks</label>
      </div>
      <div class="toolbar">
        <button class="primary" onClick={() => generate(false)} disabled={!pool().length}>Generate</button>
        <button onClick={() => generate(true)} disabled={!slots().some((s) => s.locked)}>Regenerate unlocked</button>
        <span class="muted">{rows.loading ? 'Loading tracks…' : `${candidates().length} tracks to choose from`}</span>
      </div>
      <Show when={slots().length} fallback={<p class="muted">Generate a playlist to see it here. Tracks need a key and BPM (analysis or tags) for harmonic transitions.</p>}>
        <p>
          {slots().length} tracks, {Math.round(slots().reduce((s, x) => s + (x.track.durationS ?? 0), 0) / 60)} min ·{' '}
          <strong>{share().ok} of {share().total}</strong> transitions Camelot-compatible and within 6 % BPM
        </p>
        <For each={notes()}>{(n) => <p class="muted">{n}</p>}</For>
        <PlaylistTable slots={slots()} onChange={setSlots} onMoreLike={setSimilarTo} />
      </Show>
      <div class="toolbar" style={{ 'margin-top': 'var(--space-3)' }}>
        <label>Playlist name <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
        <label>Absolute root (optional) <input value={root()} onInput={(e) => setRoot(e.currentTarget.value)} placeholder="e.g. D:\Music or /home/me/Music" /></label>
        <button onClick={exportM3u} disabled={!slots().length}>Export M3U</button>
        <button onClick={exportCsv} disabled={!slots().length}>Export playlist CSV</button>
        <button onClick={() => void save()} disabled={!slots().length}>Save playlist</button>
      </div>
      <p class="muted">M3U paths are relative to your library folder: save the file in that folder. With an absolute root, each path starts there instead.</p>
      <Show when={similar()}>
        {(s) => (
          <div>
            <h3>More like “{label(s().of)}”</h3>
            <ol><For each={s().rows}>{(n) => <li>{n.artist ?? 'Unknown artist'} – {n.title ?? n.trackId} <span class="muted">({n.why})</span></li>}</For></ol>
          </div>
        )}
      </Show>
    </section>
  );
}
