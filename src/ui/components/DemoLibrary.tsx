// The demo library in the UI: "Try the demo library" on an empty start, the notice that says the
// library holds demo data, and the one-step "Remove demo library".
import { createSignal, Show } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { useLive } from '../../app/live/use-live';
import { demoFiles } from '../../app/reads/library';
import { demoHistoryFiles, demoListing } from '../../platform/demo-library';

export function TryDemoButton() {
  const [state, actions] = useLakehouse();
  const [loading, setLoading] = createSignal(false);
  const start = async () => {
    setLoading(true);
    try {
      const result = await actions.ingest(await demoListing(), 'demo');
      // Then its small listening history, through the same import as a person's exports.
      if (result?.state === 'succeeded') {
        const history = await demoHistoryFiles();
        if (history.length) await actions.importHistory(history);
      }
    } catch (error) {
      actions.toast('error', `The demo library could not be loaded: ${error instanceof Error ? error.message : String(error)}. Reload the page and try again.`);
    } finally {
      setLoading(false);
    }
  };
  return (
    <button onClick={() => void start()} disabled={loading() || state.pipeline === 'running'}>
      {loading() ? 'Loading the demo…' : 'Try the demo library'}
    </button>
  );
}

/** Live demo files in the library (0 when none); re-read when raw.files changes. */
export function useDemoCount() {
  return useLive(demoFiles);
}

export function DemoNotice() {
  const [state, actions] = useLakehouse();
  const count = useDemoCount();
  return (
    <Show when={(count() ?? 0) > 0}>
      <section class="demo-notice card" aria-label="Demo library">
        <span class="badge">Demo</span>
        <p>
          {`This library includes ${count()} demo tracks (Creative Commons, bundled with Wolfie), marked "Wolfie demo/" in their path. `}
          Remove them when you add your own music.
        </p>
        <button onClick={() => void actions.removeDemo()} disabled={state.pipeline === 'running'}>
          Remove demo library
        </button>
      </section>
    </Show>
  );
}
