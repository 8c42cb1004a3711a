// One track: its facts with units, where each came from, and its problem if it has one.
import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useLive } from '../../../app/live/use-live';
import { track as trackRead, trackLineage } from '../../../app/reads/track';
import { formatDuration } from '../../../domain/format-number';
import { describeFields } from '../../../domain/track-lineage';
import { RatingStars } from '../../components/RatingStars';
import { RemoveTracksButton } from '../../components/RemoveTracks';
import { TrackPlayer } from '../../components/TrackPlayer';
import { TagEditor } from './TagEditor';
import { TrackLineage } from './TrackLineage';
import { TrackWaveform } from './TrackWaveform';

const FIELDS: [string, string, (v: unknown) => string][] = [
  ['artist', 'Artist', String], ['title', 'Title', String], ['album', 'Album', String], ['album_artist', 'Album artist', String],
  ['genre', 'Genre', String], ['label', 'Label', String], ['year', 'Year', String],
  ['duration_s', 'Duration', (v) => formatDuration(v as number)], ['format', 'Format', String], ['codec', 'Codec', String],
  ['sample_rate_hz', 'Sample rate', (v) => `${v} Hz`], ['bitrate_kbps', 'Bitrate', (v) => `${Math.round(v as number)} kbps`],
  ['bpm', 'Tempo', (v) => `${(v as number).toFixed(1)} BPM`], ['key', 'Key', String], ['camelot', 'Camelot', String],
  ['loudness_lufs', 'Loudness', (v) => `${(v as number).toFixed(1)} LUFS`], ['loudness_range_lu', 'Loudness range', (v) => `${(v as number).toFixed(1)} LU`],
  ['true_peak_dbtp', 'True peak', (v) => `${(v as number).toFixed(1)} dBTP`], ['replaygain_track_gain_db', 'ReplayGain', (v) => `${(v as number).toFixed(2)} dB`],
  ['energy', 'Energy', (v) => (v as number).toFixed(2)], ['danceability', 'Danceability', (v) => (v as number).toFixed(2)],
  ['open_key', 'Open Key', String], ['bpm_confidence', 'Tempo confidence', (v) => (v as number).toFixed(2)],
  ['key_strength', 'Key strength', (v) => (v as number).toFixed(2)], ['analysed_by', 'Measured by', String],
  ['play_count', 'Plays', String], ['skip_count', 'Skips', String], ['rating', 'Rating', (v) => `${v} / 5`],
  ['predicted_rating', 'Predicted rating', (v) => `${(v as number).toFixed(1)} / 5`], ['path', 'File', String],
];

export default function TrackPage() {
  const params = useParams();
  const navigate = useNavigate();
  // Live: a rating, a play, a correction or a run that changes the track's tables shows here at once.
  const track = useLive(trackRead, () => params.id);
  const lineage = useLive(trackLineage, () => params.id);
  // The File row shows the path, so each value's source calls it 'this file'.
  const sourceOf = createMemo(() => {
    const l = lineage();
    return l ? describeFields(l.sources, l.tagFormats, l.contributions, l.ratings, 'this file', l.corrections) : {};
  });
  const [position, setPosition] = createSignal(0);
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const doneEditing = () => {
    setEditing(false);
    queueMicrotask(() => editButton?.focus()); // back where the person was, once the button is shown again
  };
  let seek: ((seconds: number) => Promise<void>) | undefined;
  return (
    <section>
      <p><A href="/">← Library</A></p>
      {/* A live read re-runs after a rating or a play: keep the page (and the music) while it does. */}
      <Show when={track.state === 'ready' || track.state === 'refreshing'} fallback={<h1 class="muted">Loading track…</h1>}>
        <Show when={track()} fallback={<><h1>Track not found</h1><p>No track has this id. It may have been removed by a rescan. <A href="/">Back to the library</A>.</p></>}>
          {(t) => (
            <>
              <h1>{`${t().artist ?? 'Unknown artist'} – ${t().title}`}</h1>
              <Show when={t().error}>
                <p class="card error-text" role="alert">{`Problem with this file: ${t().error}`}</p>
              </Show>
              <Show
                when={editing()}
                fallback={<div class="toolbar"><button ref={editButton} onClick={() => setEditing(true)}>Edit tags</button></div>}
              >
                <TagEditor
                  trackId={String(t().track_id)}
                  current={{ artist: t().artist, title: t().title, album: t().album, genre: t().genre, label: t().label, year: t().year }}
                  corrections={lineage()?.corrections ?? []}
                  what={`"${t().artist ?? 'Unknown artist'} – ${t().title}"`}
                  onDone={doneEditing}
                />
              </Show>
              <dl class="facts">
                <For each={FIELDS.filter(([k]) => t()[k] != null && t()[k] !== '')}>
                  {([k, label, fmt]) => (
                    <>
                      <dt>{label}</dt>
                      <dd>
                        {fmt(t()[k])}
                        <Show when={sourceOf()[k]}>
                          {(from) => <small class="muted" style={{ display: 'block' }}>{`Source: ${from()}`}</small>}
                        </Show>
                      </dd>
                    </>
                  )}
                </For>
              </dl>
              <TrackWaveform trackId={String(t().track_id)} positionS={position()} onSeek={(s) => void seek?.(s)} />
              <TrackPlayer
                trackId={String(t().track_id)}
                path={String(t().path)}
                durationS={(t().duration_s as number | null) ?? null}
                onPosition={setPosition}
                bindSeek={(f) => (seek = f)}
              />
              <RatingStars trackId={String(t().track_id)} title={String(t().title ?? t().path)} libraryRating={(t().rating as number | null) ?? null} />
              <Show when={lineage()}>{(l) => <TrackLineage lineage={l()} />}</Show>
              <div class="toolbar">
                <RemoveTracksButton
                  trackIds={() => [String(t().track_id)]}
                  what={() => `"${t().artist ?? 'Unknown artist'} – ${t().title}"`}
                  label="Remove from library…"
                  onRemoved={() => navigate('/')}
                />
              </div>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}
