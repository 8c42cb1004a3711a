// "Removed from the library": how many files a person removed (their tracks stay out of rescans)
// and one step to bring them all back at the next rescan.
import { createResource, Show } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { formatCount } from '../../../domain/format-number';
import { removedFileCount } from '../../../lakehouse/runs/removed-files';

export function RemovedTracksSection() {
  const [state, actions] = useLakehouse();
  const [count] = createResource(
    () => (state.db === 'ready' ? actions.changes.version(['*']) : false),
    async () => removedFileCount((await actions.lakehouse()).read),
  );
  return (
    <Show when={(count() ?? 0) > 0}>
      <h2>Removed from the library</h2>
      <div class="card">
        <p>{`${count() === 1 ? '1 file is' : `${formatCount(count() ?? 0)} files are`} left out of the library because you removed ${count() === 1 ? 'its track' : 'their tracks'}. The files are still on disk; rescans skip them.`}</p>
        <button onClick={() => void actions.bringBackRemoved()} disabled={state.pipeline === 'running'}>Bring them back at the next rescan</button>
      </div>
    </Show>
  );
}
