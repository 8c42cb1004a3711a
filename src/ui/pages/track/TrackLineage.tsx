// "Where these values came from": the runs that built this track's rows, the file and analysis
// behind its values, which imports and players counted its plays and skips, and every rating it has.
import { For, Show } from 'solid-js';
import { formatCount } from '../../../domain/format-number';
import { importText, sourceName } from '../../../domain/track-lineage';
import type { TrackLineage as Lineage } from '../../../app/reads/track';

const count = (n: number | null) => (n == null ? '' : formatCount(n));

export function TrackLineage(props: { lineage: Lineage }) {
  const s = () => props.lineage.sources;
  return (
    <section aria-labelledby="track-lineage-heading" data-testid="track-lineage" style={{ 'overflow-wrap': 'anywhere' }}>
      <h2 id="track-lineage-heading">Where these values came from</h2>
      <ul>
        <li>{`This row of ${s().gold_model} was built by run ${s().gold_run_id ?? '?'} from ${s().silver_model ?? 'silver.tracks'} (run ${s().silver_run_id ?? '?'}).`}</li>
        <li>{`Tags: ${props.lineage.tagFormats.join(' + ') || 'no tags found'}, read by ${s().tag_reader ?? 'the tag reader'} from ${s().path} in run ${s().tags_run_id ?? '?'}${s().tags_read_at ? ` (${s().tags_read_at!.slice(0, 16)})` : ''}.`}</li>
        <li>
          {s().analyser
            ? `Audio features: ${s().analyser} ${s().analyser_version} (essentia.js and its own DSP) in run ${s().analysis_run_id}${s().analysed_at ? ` (${s().analysed_at!.slice(0, 16)})` : ''}${s().analysis_error ? `; it failed: ${s().analysis_error}` : ''}.`
            : 'Audio features: not analysed yet.'}
        </li>
        <Show when={props.lineage.corrections.length > 0}>
          <li>{`Your corrections (raw.tag_corrections; the file itself is unchanged): ${props.lineage.corrections
            .map((c) => `${c.field} ${c.value == null ? 'cleared' : `"${c.value}"`} on ${c.corrected_at.slice(0, 16)}, the tag ${c.tag_value == null ? 'has none' : `says "${c.tag_value}"`}`)
            .join('; ')}.`}</li>
        </Show>
        <Show when={s().prediction_run_id != null}>
          <li>{`Predicted rating: ${props.lineage.fields.predicted_rating}.${s().prediction_explanation ? ` ${s().prediction_explanation}` : ''}`}</li>
        </Show>
      </ul>
      <Show when={props.lineage.contributions.length > 0} fallback={<p class="muted">No listening history, other player or in-app play counts this track yet.</p>}>
        <table class="plain" aria-label="Plays and skips by source">
          <thead><tr><th>Source</th><th>Import</th><th>Plays</th><th>Skips</th><th>Also recorded elsewhere</th></tr></thead>
          <tbody>
            <For each={props.lineage.contributions}>
              {(c) => (
                <tr>
                  <td>{`${sourceName(c.source)}${c.kind === 'library' ? ' (counters as of the export)' : ''}`}</td>
                  <td>{c.import_id == null ? 'played in this app' : importText(c)}</td>
                  <td>{count(c.plays)}</td>
                  <td>{count(c.skips)}</td>
                  <td>{c.shared_listens ? `${c.shared_listens} ${c.shared_listens === 1 ? 'listen' : 'listens'}, counted once` : ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <p class="muted">Counters that overlap (a service and another player often record the same plays) are not added: the largest is taken, and plays in Wolfie's player add on top.</p>
      </Show>
      <Show when={props.lineage.ratings.length > 0}>
        <table class="plain" aria-label="Ratings by source">
          <thead><tr><th>Rating</th><th>From</th><th>Used</th></tr></thead>
          <tbody>
            <For each={props.lineage.ratings}>
              {(r, i) => (
                <tr>
                  <td>{`${r.rating} / 5`}</td>
                  <td>{r.source === 'user' ? `you, in Wolfie (${r.provenance.replace('raw.user_ratings via ', '')})` : r.source === 'tag' ? `rating tag of ${s().path}` : `${sourceName(r.source)}, ${importText(r)}`}</td>
                  <td>{i() === 0 ? 'yes' : 'no (a source above wins)'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
