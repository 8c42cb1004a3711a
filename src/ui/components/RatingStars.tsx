// Star rating for one track: a native radio group (Tab reaches it, arrow keys change it), written
// to raw.user_ratings and never to the file. Shows the person's own rating, else the one the
// library has from tags or other players.
import { createSignal, For } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { useQuery } from '../../app/use-query';
import { interactionsChanged, interactionsTick } from './interactions-tick';
import { setUserRating, trackInteractions } from '../../lakehouse/interactions/interactions';
import './rating-stars.css';

const STARS = [0, 1, 2, 3, 4, 5];

export function RatingStars(props: { trackId: string; libraryRating: number | null }) {
  const [, actions] = useLakehouse();
  const mine = useQuery((sql) => trackInteractions(sql, props.trackId), () => [props.trackId, interactionsTick()]);
  // The latest choice shows at once: arrow keys can change it faster than the writes come back.
  const [picked, setPicked] = createSignal<number | null>(null);
  const [saving, setSaving] = createSignal(0);
  const shown = () => picked() ?? Math.round(mine()?.userRating ?? props.libraryRating ?? 0);
  const choose = async (stars: number) => {
    setPicked(stars);
    setSaving((n) => n + 1);
    try {
      await setUserRating((await actions.lakehouse()).sql, props.trackId, stars === 0 ? null : stars, 'track-page');
      interactionsChanged();
    } catch (e) {
      actions.toast('error', `The rating could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving((n) => n - 1);
    }
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
