// What to look for next (criteria with evidence, with the held-out evaluation beside them) and the
// rating model (cross-validated MAE vs the mean baseline, predictions with their reasons).
import { createSignal, For, Show } from 'solid-js';
import { retrainRatingModel } from '../../../app/commands/playlists';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { ratingModel, ratingPredictions, recommendations } from '../../../app/reads/playlists';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function Insights() {
  const [, actions] = useLakehouse();
  const recs = useLive(recommendations);
  const model = useLive(ratingModel);
  const preds = useLive(ratingPredictions, () => 15);
  const [training, setTraining] = createSignal(false);
  const retrain = async () => {
    setTraining(true);
    try {
      const r = await retrainRatingModel(actions.commands); // the model and predictions re-read when it announces them
      if (!r) actions.toast('error', 'Training failed; the earlier predictions are kept. See the browser console for the reason.');
      else actions.toast(r.status === 'trained' ? 'success' : 'info', r.status === 'trained' ? `Rating model trained on ${r.rated} ratings.` : r.message);
    } finally {
      setTraining(false);
    }
  };

  return (
    <>
      <section class="card" aria-labelledby="recs-h">
        <h2 id="recs-h">What to look for next</h2>
        <Show when={recs()} fallback={<p class="muted">{recs.loading ? 'Learning from your listening…' : 'No recommendations yet.'}</p>}>
          {(r) => (
            <>
              <p class="muted">From {r().matchedListens} of {r().listens} listens that matched library tracks (only those carry key, tempo, era…); {r().timbreGroups} timbre groups from the analysed MFCCs.</p>
              <Show when={r().suggestions.length} fallback={<p class="muted">Not enough listening history on library tracks to suggest criteria: import your history (Settings) or play tracks here.</p>}>
                <ol><For each={r().suggestions}>{(s) => <li>{s.text} <span class="muted">({s.listens} plays)</span></li>}</For></ol>
              </Show>
              <p>
                <strong>How well it predicts:</strong> with the latest 20 % of listens held out ({r().evaluation.test}, {r().evaluation.scored} with key and BPM known), the
                top {r().evaluation.k} key + BPM-band criteria from the rest hit {pct(r().evaluation.model.hitRate)} (NDCG {r().evaluation.model.ndcg.toFixed(3)}), against
                {' '}{pct(r().evaluation.popularity.hitRate)} (NDCG {r().evaluation.popularity.ndcg.toFixed(3)}) for the most-played criteria (popularity baseline).
              </p>
            </>
          )}
        </Show>
      </section>
      <section class="card" aria-labelledby="ratings-h">
        <h2 id="ratings-h">Rating prediction</h2>
        <Show when={model()} fallback={<p class="muted">No model trained yet: it trains after every library run, or now.</p>}>
          {(m) => (
            <Show when={m().status === 'trained'} fallback={<p>Only {m().rated_tracks} rated tracks: the model needs at least 20 to learn your taste, so it predicts nothing yet.</p>}>
              <p>
                Trained on {m().rated_tracks} rated tracks ({m().library}). Cross-validated error (5-fold MAE): <strong>{m().cv_mae?.toFixed(2)} stars</strong>, against{' '}
                <strong>{m().baseline_mae?.toFixed(2)} stars</strong> for always predicting your mean rating. {m().predicted_tracks} unrated tracks predicted (gold.track_facts.predicted_rating).
              </p>
            </Show>
          )}
        </Show>
        <button onClick={() => void retrain()} disabled={training()}>{training() ? 'Training…' : 'Retrain now'}</button>
        <Show when={preds()?.length}>
          <table aria-label="Predicted ratings">
            <thead><tr><th scope="col">Track</th><th scope="col" class="num">Predicted</th><th scope="col">Why</th></tr></thead>
            <tbody><For each={preds()}>{(p) => <tr><td>{p.artist} – {p.title}</td><td class="num">{p.predicted_rating.toFixed(1)} ★</td><td>{p.explanation}</td></tr>}</For></tbody>
          </table>
        </Show>
      </section>
    </>
  );
}
