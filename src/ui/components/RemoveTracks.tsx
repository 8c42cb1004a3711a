// "Remove from library…": asks first, then removes the tracks as one recorded run
// (pipeline/remove-tracks-run.ts). The files stay on disk and rescans leave them out;
// Settings brings them back.
import { createSignal, Show } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { countOf } from '../../domain/format-number';
import { ConfirmDialog } from './ConfirmDialog';

export interface RemoveTracksProps {
  trackIds: () => readonly string[];
  /** What the tracks are, for the question and the audit line: a title, or the search that shows them. */
  what: () => string;
  label: string;
  onRemoved?: () => void;
}

export function RemoveTracksButton(props: RemoveTracksProps) {
  const [state, actions] = useLakehouse();
  const [asking, setAsking] = createSignal(false);
  const count = () => props.trackIds().length;
  const tracks = () => countOf(count(), 'track');
  const remove = async () => {
    const result = await actions.removeTracks([...props.trackIds()], props.what());
    if (result?.state === 'succeeded') props.onRemoved?.();
  };
  return (
    <Show when={count() > 0}>
      <button onClick={() => setAsking(true)} disabled={state.pipeline === 'running'}>{props.label}</button>
      <ConfirmDialog open={asking()} title={`Remove ${tracks()} from the library?`} confirmLabel={`Remove ${tracks()}`} onClose={(ok) => { setAsking(false); if (ok) void remove(); }}>
        <p>{`${props.what()} will leave the library, its dashboards and playlists.`}</p>
        <p>The files stay on disk, and rescans leave them out. Settings can bring them back; their ratings and listening history are kept.</p>
      </ConfirmDialog>
    </Show>
  );
}
