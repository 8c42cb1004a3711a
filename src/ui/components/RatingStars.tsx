// Star rating for one track: a native radio group (Tab reaches it, arrow keys change it), written
// by the rating command (into raw.user_ratings and at once into gold), never to the file. Shows the person's own rating, else the one the
// library has from tags or other players.
import { createSignal, For } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { useLive } from '../../app/live/use-live';
import { rateTrack } from '../../app/commands/interactions';
import { trackInteractionsRead } from '../../app/reads/interactions';
import './rating-stars.css';

const STARS = [0, 1, 2, 3, 4, 5];

export function RatingStars(props: { trackId: string; title: string; libraryRating: number | null }) {
  const [, actions] = useLakehouse();
  const mine = useLive(trackInteractionsRead, () => props.trackId);
  // The latest choice shows at once: arrow keys can change it faster than the writes come back.
  const [picked, setPicked] = createSignal<number | null>(null);
  const [saving, setSaving] = createSignal(0);
  const shown = () => picked() ?? Math.round(mine()?.userRating ?? props.libraryRating ?? 0);
  const choose = async (stars: number) => {
    setPicked(stars);
    setSaving((n) => n + 1);
    const done = await rateTrack(actions.commands, props.trackId, stars === 0 ? null : stars, 'track-page', props.title); // a failure is said by the command
    if (!done.ok) setPicked(null);
    setSaving((n) => n - 1);
  };
  return (
    <fieldset class="rating card" style={{ 'margin-top': 'var(--space-3)' }}>
      <legend>Your rating</legend>
      <For each={STARS}>
        {(n) => (
          <label class="rating-star" title={n === 0 ? 'No rating' : `${n} of 5 stars`}>
            <input
              type="radio"
              class="visually-hidden"
              name={`rating-${props.trackId}`}
              value={n}
              checked={shown() === n}
              aria-label={n === 0 ? 'No rating' : `${n} ${n === 1 ? 'star' : 'stars'}`}
              onChange={() => void choose(n)}
            />
            <span aria-hidden="true" style={{ 'font-size': '1.4em', opacity: n === 0 ? 0.6 : 1 }}>
              {n === 0 ? '⊘' : n <= shown() ? '★' : '☆'}
            </span>
          </label>
        )}
      </For>
      <span class="muted" aria-live="polite">{saving() > 0 ? ' saving…' : picked() !== null || mine()?.userRating != null ? ' set here' : props.libraryRating != null ? ' from your tags or other players' : ' not rated'}</span>
    </fieldset>
  );
}
