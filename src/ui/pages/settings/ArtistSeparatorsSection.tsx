// "Artist credits": which separators split one credit ('A; B', 'A & B') into co-artists. Saving
// re-splits every credit in an incremental rebuild; the files are not read again.
import { createSignal, For, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { artistSeparators } from '../../../app/reads/settings';

const CHOICES: [separator: string, label: string][] = [
  [';', 'semicolon: "A; B"'], ['/', 'slash: "A/B"'], [',', 'comma: "A, B"'], [' & ', 'ampersand: "A & B"'], [' and ', 'and: "A and B"'],
  [' x ', 'x: "A x B"'], [' vs. ', 'vs.: "A vs. B"'], [' + ', 'plus: "A + B"'], [' with ', 'with: "A with B"'],
];

export function ArtistSeparatorsSection() {
  const [state, actions] = useLakehouse();
  const saved = useLive(artistSeparators);
  const [chosen, setChosen] = createSignal<string[] | null>(null);
  const current = () => chosen() ?? saved() ?? [];
  // Separators set elsewhere (an older default, a backup) stay listed so saving keeps them.
  const choices = () => [...CHOICES, ...(saved() ?? []).filter((s) => !CHOICES.some(([c]) => c === s)).map((s): [string, string] => [s, `"${s}"`])];
  const toggle = (sep: string, on: boolean) => setChosen([...current().filter((s) => s !== sep), ...(on ? [sep] : [])]);
  const changed = () => chosen() !== null && [...current()].sort().join('\n') !== [...(saved() ?? [])].sort().join('\n');
  const save = async () => {
    await actions.setArtistSeparators(current()); // its run announces meta.*, so `saved` re-reads
    setChosen(null);
  };
  return (
    <>
      <h2>Artist credits</h2>
      <div class="card">
        <p>An artist credit splits into co-artists on these separators, so "A; B" counts for both A and B. "feat.", "ft." and "featuring" always mark featured artists, and acts whose names hold a separator (AC/DC, Earth, Wind &amp; Fire) stay whole.</p>
        <fieldset class="separator-choices" disabled={state.pipeline === 'running' || saved.loading}>
          <legend>Split artist credits on</legend>
          <For each={choices()}>
            {([sep, label]) => (
              <label>
                <input type="checkbox" checked={current().includes(sep)} onChange={(e) => toggle(sep, e.currentTarget.checked)} /> {label}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={changed()}>
          <button onClick={() => void save()} disabled={state.pipeline === 'running'}>Save and split credits again</button>{' '}
          <button onClick={() => setChosen(null)}>Cancel</button>
        </Show>
      </div>
    </>
  );
}
