// Saved playlists (what the generator's "Save playlist" stored in raw.playlists): listed newest
// first, each shown in its saved order against gold.track_facts, exported again as M3U, or deleted
// after a confirmation. Tracks that left the library are flagged and left out of exports.
import { createSignal, For, Show } from 'solid-js';
import { deletePlaylist } from '../../../app/commands/playlists';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { savedPlaylists, savedPlaylistTracks } from '../../../app/reads/playlists';
import { countOf } from '../../../domain/format-number';
import type { SavedPlaylist } from '../../../lakehouse/queries/playlists';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { downloadM3u } from './download-m3u';

const missingNote = (n: number) => `${countOf(n, 'track')} no longer in the library (left out of exports)`;

export function SavedPlaylists() {
  const [, actions] = useLakehouse();
  const saved = useLive(savedPlaylists);
  const [shown, setShown] = createSignal<number | null>(null);
  const tracks = useLive(savedPlaylistTracks, () => shown() ?? undefined);
  const [deleting, setDeleting] = createSignal<SavedPlaylist | null>(null);

  // Buttons need unique names: a name saved twice is told apart by its id.
  const nameOf = (p: SavedPlaylist) => ((saved() ?? []).filter((q) => q.name === p.name).length > 1 ? `${p.name} (no. ${p.playlist_id})` : p.name);

  const exportM3u = async (p: SavedPlaylist) => {
    try {
      const rows = await savedPlaylistTracks.run((await actions.lakehouse()).read, p.playlist_id); // once, at the click
      const kept = rows.filter((t) => t.in_library && t.path !== null);
      downloadM3u(p.name, kept.map((t) => ({ path: t.path!, artist: t.artist, title: t.title, durationS: t.duration_s })));
      const left = rows.length - kept.length;
      actions.toast('success', `Exported “${p.name}”: ${countOf(kept.length, 'track')}${left ? `; ${missingNote(left)}` : ''}.`);
    } catch (e) {
      actions.toast('error', `The playlist “${p.name}” could not be exported: ${e instanceof Error ? e.message : String(e)}. Try again.`);
    }
  };
  const remove = async (p: SavedPlaylist) => {
    const deleted = await deletePlaylist(actions.commands, p.playlist_id); // a failure is told by the command
    if (!deleted.ok) return;
    if (shown() === p.playlist_id) setShown(null);
    actions.toast('success', `Deleted playlist “${p.name}”; its tracks stay in your library.`);
  };

  return (
    <section class="card" aria-labelledby="saved-playlists-h">
      <h2 id="saved-playlists-h">Saved playlists</h2>
      <Show when={saved()?.length} fallback={<p class="muted">{saved.loading ? 'Loading saved playlists…' : 'No saved playlists yet. Generate one above and press Save playlist.'}</p>}>
        <table aria-label="Saved playlists">
          <thead>
            <tr><th scope="col">Name</th><th scope="col" class="num">Tracks</th><th scope="col" class="num">Length (min)</th><th scope="col">Saved</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            <For each={saved()}>
              {(p) => {
                const open = () => shown() === p.playlist_id;
                const missing = p.track_count - p.in_library_count;
                return (
                  <>
                    <tr>
                      <td>{p.name}</td>
                      <td class="num">{p.track_count}<Show when={missing}><br /><span class="muted">{missing} no longer in the library</span></Show></td>
                      <td class="num">{Math.round(p.duration_s / 60)}</td>
                      <td><time datetime={new Date(p.saved_at_ms).toISOString()}>{new Date(p.saved_at_ms).toLocaleString()}</time></td>
                      <td class="toolbar">
                        <button aria-expanded={open()} aria-label={`${open() ? 'Hide' : 'Show'} ${nameOf(p)}`} onClick={() => setShown(open() ? null : p.playlist_id)}>{open() ? 'Hide' : 'Show'}</button>
                        <button aria-label={`Export M3U of ${nameOf(p)}`} onClick={() => void exportM3u(p)} disabled={!p.in_library_count}>Export M3U</button>
                        <button aria-label={`Delete playlist ${nameOf(p)}`} onClick={() => setDeleting(p)}>Delete</button>
                      </td>
                    </tr>
                    <Show when={open()}>
                      <tr>
                        <td colSpan={5}>
                          <Show when={!tracks.loading} fallback={<p class="muted">Loading tracks…</p>}>
                            <Show when={missing}><p class="muted">{missingNote(missing)}.</p></Show>
                            <ol aria-label={`Tracks of ${nameOf(p)}`}>
                              <For each={tracks()}>
                                {(t) => <li>{t.in_library ? `${t.artist ?? 'Unknown artist'} – ${t.title ?? t.path}` : <span class="muted">A track no longer in the library</span>}</li>}
                              </For>
                            </ol>
                          </Show>
                        </td>
                      </tr>
                    </Show>
                  </>
                );
              }}
            </For>
          </tbody>
        </table>
      </Show>
      <ConfirmDialog
        open={deleting() !== null}
        title={`Delete playlist “${deleting()?.name ?? ''}”?`}
        confirmLabel="Delete playlist"
        onClose={(ok) => {
          const p = deleting();
          setDeleting(null);
          if (ok && p) void remove(p);
        }}
      >
        <p>Only this saved list goes: its {countOf(deleting()?.track_count ?? 0, 'track')} stay in your library. To keep a copy, export it as M3U first.</p>
      </ConfirmDialog>
    </section>
  );
}
