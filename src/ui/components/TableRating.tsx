// Rating stars inside the library table: five small buttons per row; the rating command keeps the
// choice (raw.user_ratings, and gold at once), never in the file. Compact on purpose: no query per row, the row's own rating is the start value.
import { createSignal, For } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { rateTrack } from '../../app/commands/interactions';
import './rating-stars.css';

export function TableRating(props: { trackId: string; title: string; rating: number | null }) {
  const [, actions] = useLakehouse();
  const [picked, setPicked] = createSignal<number | null>(null);
  const [saving, setSaving] = createSignal(0);
  const shown = () => picked() ?? Math.round(props.rating ?? 0);
  const choose = async (stars: number) => {
    const next = stars === shown() ? 0 : stars; // the same star again clears the rating
    setPicked(next);
    setSaving((n) => n + 1);
    const done = await rateTrack(actions.commands, props.trackId, next === 0 ? null : next, 'library-table', props.title); // a failure is said by the command
    if (!done.ok) setPicked(null);
    setSaving((n) => n - 1);
  };
  return (
    // Clicks and keys stay here: the row around it opens the track page.
    <span role="group" aria-label={`Rating of ${props.title}`} aria-busy={saving() > 0} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      <For each={[1, 2, 3, 4, 5]}>
        {(n) => (
          <button
            class="table-star"
            aria-label={`${n} ${n === 1 ? 'star' : 'stars'}`}
            aria-pressed={n <= shown()}
            onClick={() => void choose(n)}
          >
            {n <= shown() ? '★' : '☆'}
          </button>
        )}
      </For>
    </span>
  );
}
