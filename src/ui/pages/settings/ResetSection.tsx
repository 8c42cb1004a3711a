// "Reset library": deletes the database file from this browser after confirmation, then reloads
// into an empty library. The audit log goes with it, so the dialog says to export a backup first.
import { createSignal } from 'solid-js';
import { useLakehouse } from '../../../app/lakehouse-store';
import { requestResetAndReload } from '../../../platform/storage';
import { ConfirmDialog } from '../../components/ConfirmDialog';

export function ResetSection() {
  const [state, actions] = useLakehouse();
  const [asking, setAsking] = createSignal(false);
  const reset = () => {
    if (state.pipeline === 'running') return actions.toast('error', 'A run is in progress: cancel it first, then reset. Nothing was deleted.');
    try {
      requestResetAndReload(); // the files are deleted at the next start, before DuckDB opens them
    } catch (e) {
      actions.toast('error', `The library could not be deleted: ${e instanceof Error ? e.message : String(e)}. Reload the page and try again.`);
    }
  };
  return (
    <>
      <h2>Reset library</h2>
      <div class="card">
        <p>Deletes the whole library from this browser: tracks, analysis, listening history, ratings, rules, runs and the audit log. Your music files are not touched.</p>
        <button class="danger" onClick={() => setAsking(true)} disabled={state.db !== 'ready'}>Reset library</button>
      </div>
      <ConfirmDialog open={asking()} title="Delete the whole library from this browser?" confirmLabel="Delete everything" onClose={(ok) => { setAsking(false); if (ok) reset(); }}>
        <p>This cannot be undone. Export a backup first if you may want it back.</p>
      </ConfirmDialog>
    </>
  );
}
