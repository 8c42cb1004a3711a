// The built-in player on the track page: plays the track's file from the music folder and records
// a play (once 30 s, or half a short track, have been heard) or a skip (stopped before that) in
// raw.player_events. Heard time is counted, not position, so seeking ahead does not make a play.
import { createSignal, onCleanup, Show } from 'solid-js';
import { useLakehouse } from '../../app/lakehouse-store';
import { useLive } from '../../app/live/use-live';
import { recordPlayerEvent } from '../../app/commands/interactions';
import { trackInteractionsRead } from '../../app/reads/interactions';
import { formatDuration } from '../../domain/format-number';
import { playThresholdS } from '../../domain/playback';
import { openTrackFile } from '../../platform/track-file';

interface Session {
  startedAtMs: number;
  heardS: number;
  lastTime: number;
  counted: boolean;
}

export function TrackPlayer(props: {
  trackId: string;
  path: string;
  durationS: number | null;
  /** Where playback is, for the waveform's playhead. */
  onPosition?: (seconds: number) => void;
  /** Hands the caller a seek function (the waveform seeks by click and keyboard). */
  bindSeek?: (seek: (seconds: number) => Promise<void>) => void;
}) {
  const [, actions] = useLakehouse();
  const counts = useLive(trackInteractionsRead, () => props.trackId);
  const [playing, setPlaying] = createSignal(false);
  const [position, setPosition] = createSignal(0);
  const [message, setMessage] = createSignal<string | null>(null);
  let audio: HTMLAudioElement | null = null;
  let url: string | null = null;
  let session: Session | null = null;

  const duration = () => (audio && Number.isFinite(audio.duration) ? audio.duration : props.durationS);
  // The command says it when an event cannot be kept.
  const record = (s: Session, event: 'play' | 'skip', positionS: number) =>
    recordPlayerEvent(actions.commands, { trackId: props.trackId, event, positionS, startedAtMs: s.startedAtMs });

  const onTime = () => {
    if (!audio || !session) return;
    const t = audio.currentTime;
    const step = t - session.lastTime;
    if (step > 0 && step < 2) session.heardS += step; // larger jumps are seeks, not listening
    session.lastTime = t;
    setPosition(t);
    props.onPosition?.(t);
    if (!session.counted && session.heardS >= playThresholdS(duration())) {
      session.counted = true;
      void record(session, 'play', t);
    }
  };

  /** Playback stopped for good (ended, left the page): a session that never counted is a skip. */
  const endSession = () => {
    if (session && !session.counted) void record(session, 'skip', audio?.currentTime ?? 0);
    session = null;
  };

  const load = async (): Promise<HTMLAudioElement> => {
    const file = await openTrackFile(props.path);
    url = URL.createObjectURL(file);
    const a = new Audio(url);
    a.addEventListener('play', () => setPlaying(true));
    a.addEventListener('pause', () => setPlaying(false));
    a.addEventListener('timeupdate', onTime);
    a.addEventListener('ended', () => {
      onTime();
      endSession();
    });
    a.addEventListener('error', () => setMessage(`This browser cannot play ${props.path.split('/').at(-1)} (${a.error?.message || 'unsupported format'}).`));
    return a;
  };

  const toggle = async () => {
    setMessage(null);
    if (audio && !audio.paused) return audio.pause();
    try {
      audio ??= await load();
      session ??= { startedAtMs: Date.now(), heardS: 0, lastTime: audio.currentTime, counted: false };
      await audio.play();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  /** Moves playback to `seconds`, starting it if it was not playing: clicking the waveform plays from there. */
  const seek = async (seconds: number) => {
    setMessage(null);
    try {
      audio ??= await load();
      audio.currentTime = seconds;
      if (session) session.lastTime = seconds; // a seek is not listening time
      setPosition(seconds);
      props.onPosition?.(seconds);
      if (audio.paused) await toggle();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  props.bindSeek?.(seek);

  onCleanup(() => {
    audio?.pause();
    endSession();
    if (url) URL.revokeObjectURL(url);
  });

  return (
    <section class="card" aria-label="Player" style={{ 'margin-top': 'var(--space-3)' }}>
      <div class="toolbar" style={{ margin: 0 }}>
        <button class="primary" onClick={() => void toggle()} aria-pressed={playing()}>
          {playing() ? 'Pause' : 'Play'}
        </button>
        <span aria-live="off">{`${formatDuration(position())} / ${props.durationS != null ? formatDuration(props.durationS) : '–'}`}</span>
        <Show when={counts()}>
          {(c) => <span class="muted">{`Played in Wolfie: ${c().plays} ${c().plays === 1 ? 'play' : 'plays'}, ${c().skips} ${c().skips === 1 ? 'skip' : 'skips'}`}</span>}
        </Show>
      </div>
      <Show when={message()}>{(m) => <p class="error-text" role="alert">{m()}</p>}</Show>
    </section>
  );
}
