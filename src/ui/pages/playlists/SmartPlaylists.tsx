// Smart playlists: a rule builder (AND/OR, sort, limit), saved in the lakehouse (deleted after a
// confirmation); the shown rules run against gold.track_facts as a live read, so a run, a rating or
// a play shows in them at once.
import { createSignal, For, Show } from 'solid-js';
import { deleteSmartPlaylist, saveSmartPlaylist } from '../../../app/commands/playlists';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { smartPlaylists, smartPlaylistTracks } from '../../../app/reads/playlists';
import { describePlaylist, RANGE_FIELDS, SORT_FIELDS, validatePlaylist, type Rule, type SmartPlaylist, type SortField } from '../../../domain/playlist-rules';
import type { SavedSmartPlaylist } from '../../../lakehouse/queries/playlists';
import { ConfirmDialog } from '../../components/ConfirmDialog';

type Kind = 'range' | 'key-in' | 'key-compatible' | 'text' | 'date' | 'never';
const FIELDS: { value: string; label: string; kind: Kind }[] = [
  ...RANGE_FIELDS.map((f) => ({ value: f, label: `${f.replace('_', ' ')} between`, kind: 'range' as Kind })),
  { value: 'key-in', label: 'key in', kind: 'key-in' }, { value: 'key-compatible', label: 'key compatible with', kind: 'key-compatible' },
  { value: 'genre', label: 'genre contains', kind: 'text' }, { value: 'label', label: 'label contains', kind: 'text' }, { value: 'artist', label: 'artist contains', kind: 'text' },
  { value: 'last_played_at-before', label: 'last played before', kind: 'date' }, { value: 'last_played_at-after', label: 'last played after', kind: 'date' },
  { value: 'first_seen_at-after', label: 'added after', kind: 'date' }, { value: 'never', label: 'never played', kind: 'never' },
];

function toRule(field: string, a: string, b: string): Rule {
  const kind = FIELDS.find((f) => f.value === field)!.kind;
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  if (kind === 'range') return { field: field as Rule['field'] & 'bpm', op: 'between', min: num(a), max: num(b) };
  if (kind === 'key-in') return { field: 'key', op: 'in', keys: a.split(',').map((k) => k.trim()).filter(Boolean) };
  if (kind === 'key-compatible') return { field: 'key', op: 'compatible', key: a.trim() };
  if (kind === 'text') return { field: field as 'genre', op: 'contains', value: a };
  if (kind === 'never') return { field: 'last_played_at', op: 'never' };
  const [f, op] = field.split('-') as ['last_played_at', 'before' | 'after'];
  return { field: f, op, date: a };
}

export function SmartPlaylists() {
  const [, actions] = useLakehouse();
  const saved = useLive(smartPlaylists);
  const [draft, setDraft] = createSignal<SmartPlaylist>({ name: '', match: 'all', rules: [], sort: { field: 'artist', dir: 'asc' }, limit: 100 });
  const [field, setField] = createSignal('bpm');
  const [a, setA] = createSignal('');
  const [b, setB] = createSignal('');
  const [problems, setProblems] = createSignal<string[]>([]);
  const [shown, setShown] = createSignal<SmartPlaylist | undefined>(undefined);
  const tracks = useLive(smartPlaylistTracks, shown);
  const result = () => {
    const p = shown();
    const t = tracks();
    return p && t && !t.error ? { name: p.name || 'Preview', rows: t.rows } : null;
  };
  const [deleting, setDeleting] = createSignal<SavedSmartPlaylist | null>(null);
  const kind = () => FIELDS.find((f) => f.value === field())!.kind;

  const show = (p: SmartPlaylist) => {
    const invalid = validatePlaylist(p);
    setProblems(invalid);
    if (!invalid.length) setShown({ ...p }); // a copy: editing the draft later does not change what is shown
  };
  const save = async () => {
    const p = validatePlaylist(draft());
    setProblems(p);
    if (p.length) return;
    if ((await saveSmartPlaylist(actions.commands, draft())).ok) actions.toast('success', `Smart playlist “${draft().name}” saved.`);
  };
  const remove = (p: SavedSmartPlaylist) => void deleteSmartPlaylist(actions.commands, p.id); // a failure is told by the command

  return (
    <section class="card" aria-labelledby="smart-h">
      <h2 id="smart-h">Smart playlists</h2>
      <div class="toolbar">
        <label>Rule <select aria-label="Rule" value={field()} onChange={(e) => setField(e.currentTarget.value)}><For each={FIELDS}>{(f) => <option value={f.value}>{f.label}</option>}</For></select></label>
        <Show when={kind() !== 'never'}>
          <label>{kind() === 'range' ? 'From' : kind() === 'date' ? 'Date (YYYY-MM-DD)' : kind() === 'key-in' ? 'Keys (comma-separated, e.g. 8A, A minor)' : 'Value'} <input value={a()} onInput={(e) => setA(e.currentTarget.value)} /></label>
        </Show>
        <Show when={kind() === 'range'}><label>To <input value={b()} onInput={(e) => setB(e.currentTarget.value)} /></label></Show>
        <button onClick={() => { setDraft((d) => ({ ...d, rules: [...d.rules, toRule(field(), a(), b())] })); setA(''); setB(''); }}>Add rule</button>
      </div>
      <ul aria-label="Rules">
        <For each={draft().rules}>{(r, i) => <li>{describePlaylist({ ...draft(), rules: [r], limit: null }).split(';')[0]} <button onClick={() => setDraft((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== i()) }))}>Remove rule</button></li>}</For>
      </ul>
      <div class="toolbar">
        <label>Match <select aria-label="Match" value={draft().match} onChange={(e) => setDraft((d) => ({ ...d, match: e.currentTarget.value as 'all' | 'any' }))}><option value="all">all rules (AND)</option><option value="any">any rule (OR)</option></select></label>
        <label>Sort by <select aria-label="Sort by" value={draft().sort.field} onChange={(e) => setDraft((d) => ({ ...d, sort: { ...d.sort, field: e.currentTarget.value as SortField } }))}><For each={SORT_FIELDS}>{(f) => <option value={f}>{f.replace(/_/g, ' ')}</option>}</For></select></label>
        <label>Order <select aria-label="Order" value={draft().sort.dir} onChange={(e) => setDraft((d) => ({ ...d, sort: { ...d.sort, dir: e.currentTarget.value as 'asc' | 'desc' } }))}><option value="asc">ascending</option><option value="desc">descending</option></select></label>
        <label>Limit <input type="number" min="1" value={draft().limit ?? ''} onInput={(e) => setDraft((d) => ({ ...d, limit: e.currentTarget.value ? Number(e.currentTarget.value) : null }))} /></label>
        <label>Name <input aria-label="Smart playlist name" value={draft().name} onInput={(e) => setDraft((d) => ({ ...d, name: e.currentTarget.value }))} /></label>
        <button onClick={() => show(draft())}>Preview</button>
        <button class="primary" onClick={() => void save()}>Save smart playlist</button>
      </div>
      <For each={problems()}>{(p) => <p class="error-text" role="alert">{p}</p>}</For>
      <Show when={tracks()?.error}>{(e) => <p class="error-text" role="alert">{e()}</p>}</Show>
      <h3>Saved</h3>
      <Show when={saved()?.length} fallback={<p class="muted">No smart playlists yet.</p>}>
        <ul><For each={saved()}>{(p) => <li><strong>{p.name}</strong>: {describePlaylist(p)} <button onClick={() => show(p)}>Show</button> <button onClick={() => setDeleting(p)} aria-label={`Delete smart playlist ${p.name}`}>Delete</button></li>}</For></ul>
      </Show>
      <ConfirmDialog
        open={deleting() !== null}
        title={`Delete smart playlist ${deleting()?.name ?? ''}?`}
        confirmLabel="Delete playlist"
        onClose={(ok) => {
          const p = deleting();
          setDeleting(null);
          if (ok && p) remove(p);
        }}
      >
        <p>Its rules are lost; the tracks it showed stay in your library. To bring it back, build and save the rules again.</p>
      </ConfirmDialog>
      <Show when={result()}>
        {(r) => (
          <div class="grid" style={{ 'max-height': '40vh' }}>
            <table aria-label={`Smart playlist ${r().name}`}>
              <caption>{r().name}: {r().rows.length} tracks</caption>
              <thead><tr><th scope="col">Artist</th><th scope="col">Title</th><th scope="col">Key</th><th scope="col" class="num">BPM</th><th scope="col" class="num">Year</th><th scope="col" class="num">Rating</th></tr></thead>
              <tbody><For each={r().rows.slice(0, 500)}>{(t) => <tr><td>{t.artist}</td><td>{t.title}</td><td>{t.key}</td><td class="num">{t.bpm?.toFixed(1)}</td><td class="num">{t.year}</td><td class="num">{t.rating ?? (t.predicted_rating !== null ? `~${t.predicted_rating.toFixed(1)}` : '')}</td></tr>}</For></tbody>
            </table>
          </div>
        )}
      </Show>
    </section>
  );
}
