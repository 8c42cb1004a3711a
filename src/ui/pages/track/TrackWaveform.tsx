// The track's waveform from raw.analysis, with the player's playhead; an empty state says why
// there is none (not analysed yet, or the audio could not be decoded).
import { createMemo, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { waveform } from '../../../app/reads/track';
import { unpackWaveform } from '../../../domain/waveform-codec';
import { Waveform } from '../../components/Waveform';

export function TrackWaveform(props: { trackId: string; positionS: number; onSeek: (seconds: number) => void }) {
  const packed = useLive(waveform, () => props.trackId);
  const unpacked = createMemo(() => {
    const p = packed();
    if (!p) return null;
    try {
      return unpackWaveform(p.waveform);
    } catch {
      return null; // damaged bytes: shown as "no waveform" rather than breaking the page
    }
  });
  return (
    <section class="card" aria-label="Waveform" style={{ 'margin-top': 'var(--space-3)' }}>
      <Show
        when={unpacked()}
        fallback={<p class="muted">{packed.state === 'ready' ? 'No waveform yet: the audio has not been analysed, or it could not be decoded (see the problem above).' : 'Loading waveform…'}</p>}
      >
        {(w) => (
          <>
            <Waveform waveform={w()} positionS={props.positionS} onSeek={props.onSeek} label="Waveform: click or use the arrow keys to play from a point" />
            <p class="muted" style={{ margin: 0 }}>{`Measured by ${packed()?.analyser} ${packed()?.analyser_version}`}</p>
          </>
        )}
      </Show>
    </section>
  );
}
