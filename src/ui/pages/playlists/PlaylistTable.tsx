// The current playlist: each row with its transition from the previous track (key/BPM/energy and
// a 0..100 score), a lock, Move up/down buttons (the keyboard way to reorder), drag to reorder,
// Remove, and "More like this".
import { createSignal, For, Show } from 'solid-js';
import { describeTransition, transition, type PlaylistTrack } from '../../../domain/playlist';

export interface Slot {
  track: PlaylistTrack;
  locked: boolean;
}

export function PlaylistTable(props: { slots: Slot[]; onChange: (slots: Slot[]) => void; onMoreLike: (t: PlaylistTrack) => void }) {
  const [dragFrom, setDragFrom] = createSignal<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= props.slots.length || from === to) return;
    const next = [...props.slots];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    props.onChange(next);
  };
  const name = (t: PlaylistTrack) => `${t.artist ?? 'Unknown artist'} – ${t.title ?? t.path}`;
  return (
    <div class="grid" style={{ 'max-height': '60vh' }}>
      <table aria-label="Current playlist" class="playlist-table">
        <thead>
          <tr><th scope="col">#</th><th scope="col">Track</th><th scope="col">Key</th><th scope="col" class="num">BPM</th><th scope="col" class="num">Energy</th><th scope="col">Transition from previous</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          <For each={props.slots}>
            {(slot, i) => {
              const t = () => (i() > 0 ? transition(props.slots[i() - 1]!.track, slot.track) : null);
              return (
                <tr
                  draggable="true"
                  classList={{ dragging: dragFrom() === i() }}
                  onDragStart={(e) => { setDragFrom(i()); e.dataTransfer?.setData('text/plain', String(i())); }}
                  onDragOver={(e) => e.preventDefault()}
                  onDrop={(e) => { e.preventDefault(); const from = dragFrom(); if (from !== null) move(from, i()); setDragFrom(null); }}
                >
                  <td class="num">{i() + 1}</td>
                  <td>{name(slot.track)}</td>
                  <td>{slot.track.key ?? '—'}</td>
                  <td class="num">{slot.track.bpm ? slot.track.bpm.toFixed(1) : '—'}</td>
                  <td class="num">{slot.track.energy !== null ? slot.track.energy.toFixed(2) : '—'}</td>
                  <td>
                    <Show when={t()} fallback={<span class="muted">start</span>}>
                      {(tr) => (
                        <span classList={{ 'error-text': !tr().ok }} title={tr().ok ? 'Camelot-compatible and within 6 % BPM' : 'Breaks the key or 6 % BPM rule'}>
                          {Math.round(tr().score * 100)}/100 · {describeTransition(tr())}
                        </span>
                      )}
                    </Show>
                  </td>
                  <td class="row-actions">
                    <label><input type="checkbox" checked={slot.locked} onChange={(e) => props.onChange(props.slots.map((s, j) => (j === i() ? { ...s, locked: e.currentTarget.checked } : s)))} /> Lock<span class="visually-hidden"> {name(slot.track)}</span></label>
                    <button onClick={() => move(i(), i() - 1)} disabled={i() === 0} aria-label={`Move up ${name(slot.track)}`}>↑</button>
                    <button onClick={() => move(i(), i() + 1)} disabled={i() === props.slots.length - 1} aria-label={`Move down ${name(slot.track)}`}>↓</button>
                    <button onClick={() => props.onChange(props.slots.filter((_, j) => j !== i()))} aria-label={`Remove ${name(slot.track)}`}>Remove</button>
                    <button onClick={() => props.onMoreLike(slot.track)} aria-label={`More like ${name(slot.track)}`}>More like this</button>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </div>
  );
}
