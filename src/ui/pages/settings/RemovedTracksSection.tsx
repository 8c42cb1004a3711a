// "Removed from the library": how many files a person removed (their tracks stay out of rescans)
// and one step to bring them all back at the next rescan.
import { Show } from 'solid-js';
import { bringBackRemoved } from '../../../app/commands/settings';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { removedFiles } from '../../../app/reads/settings';
import { countOf, formatCount } from '../../../domain/format-number';

export function RemovedTracksSection() {
  const [state, actions] = useLakehouse();
  const count = useLive(removedFiles);
  const bringBack = async () => {
    const done = await bringBackRemoved(actions.commands); // a failure is told by the command
    if (done.ok) actions.toast('success', `${countOf(done.value, 'removed file')} will be read again at the next rescan of their folder.`);
  };
  return (
    <Show when={(count() ?? 0) > 0}>
      <h2>Removed from the library</h2>
      <div class="card">
        <p>{`${count() === 1 ? '1 file is' : `${formatCount(count() ?? 0)} files are`} left out of the library because you removed ${count() === 1 ? 'its track' : 'their tracks'}. The files are still on disk; rescans skip them.`}</p>
        <button onClick={() => void bringBack()} disabled={state.pipeline === 'running'}>Bring them back at the next rescan</button>
      </div>
    </Show>
  );
}
