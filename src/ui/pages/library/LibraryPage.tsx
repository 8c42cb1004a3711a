// The library: onboarding when empty, folder intake, run progress, and the track table.
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { analysisPaused, pauseAnalysis, resumeAnalysis } from '../../../app/analysis-control';
import { useLakehouse } from '../../../app/lakehouse-store';
import { useLive } from '../../../app/live/use-live';
import { libraryTracks } from '../../../app/reads/library';
import { countOf, formatCount } from '../../../domain/format-number';
import { unsupportedFormats, unsupportedPhrase } from '../../../domain/skipped';
import { saveFolderHandle } from '../../../platform/handle-store';
import { rememberListing } from '../../../platform/track-file';
import type { FolderListing } from '../../../platform/folder-source';
import { DataTable } from '../../components/DataTable';
import { DemoNotice, TryDemoButton } from '../../components/DemoLibrary';
import { DropZone } from '../../components/DropZone';
import { FolderPicker } from '../../components/FolderPicker';
import { HistoryImportButton, HistoryImportSummary } from '../../components/HistoryImport';
import { ProgressBar } from '../../components/ProgressBar';
import { RemoveTracksButton } from '../../components/RemoveTracks';
import { EditShownButton } from './EditShown';
import { exportTracksCsv } from './export-csv';
import { filterTracks, TRACK_COLUMNS } from './columns';
import { rescan } from './rescan';
import { SkippedFiles } from './SkippedFiles';

/** A folder with nothing to read: say what it held instead, and what to do. */
function noAudioMessage(listing: FolderListing): string {
  const formats = unsupportedPhrase(unsupportedFormats(listing.skipped.map((f) => ({ kind: f.kind, format: f.format, files: 1 }))));
  const others = listing.skipped.filter((f) => f.kind !== 'unsupported-format').length;
  const held = [formats, others ? `${countOf(others, 'other file')} skipped` : ''].filter(Boolean).join(', ');
  return `No audio files Wolfie can read in "${listing.root}"${held ? ` (${held})` : ''}. Choose the folder that holds your music${formats ? ', or convert those files to FLAC or MP3' : ''}.`;
}

export default function LibraryPage() {
  const [state, actions] = useLakehouse();
  const navigate = useNavigate();
  const [query, setQuery] = createSignal('');
  const tracks = useLive(libraryTracks); // gold.track_facts: re-read when a run or a command changes it
  const visible = createMemo(() => filterTracks(tracks() ?? [], query()));
  const failures = createMemo(() => (tracks() ?? []).filter((t) => t.error));

  const onListing = (listing: FolderListing) => {
    if (listing.handle) void saveFolderHandle(listing.handle);
    rememberListing(listing); // the built-in player plays from these files when the folder left no handle
    if (listing.files.length === 0) actions.toast('error', noAudioMessage(listing));
    void actions.ingest(listing);
  };
  const onError = (m: string) => actions.toast('error', m);
  // Until the first read answers, show neither the welcome nor an empty table.
  const loaded = () => state.db === 'ready' && tracks() !== undefined;
  const empty = () => state.db === 'ready' && tracks.state === 'ready' && (tracks()?.length ?? 0) === 0 && state.pipeline !== 'running';

  return (
    <DropZone onListing={onListing} onError={onError}>
      <h1>Library</h1>
      <Show when={state.db === 'other-tab'}>
        <p class="card" role="alert">
          Wolfie is open in another tab. Only one tab can change your library at a time; close the other tab and this one takes over.
        </p>
      </Show>
      <Show when={state.db === 'error'}>
        <p class="card error-text" role="alert">{`Your library could not be opened: ${state.dbError}`}</p>
      </Show>
      <Show when={empty()}>
        <section class="onboarding card" aria-labelledby="welcome">
          <h2 id="welcome">Understand your music collection</h2>
          <p>
            Wolfie reads your music folder, measures every track (tempo, key, loudness) and keeps what it learns in a database inside
            this browser. Nothing leaves your computer: no uploads, no accounts, no tracking.
          </p>
          <div class="actions">
            <FolderPicker primary onListing={onListing} onError={onError} />
            <TryDemoButton />
          </div>
          <p class="muted">
            Choose a folder of your own music (or drop it anywhere on this page), or try seven short Creative-Commons tracks bundled
            with Wolfie, which you can remove in one step.
          </p>
          <p class="muted">
            Chrome, Edge and other Chromium browsers remember the folder, so Rescan needs no new choice; Firefox and Safari ask for the
            folder again each time. All current browsers keep the library itself between visits, and Wolfie works offline once loaded.
          </p>
        </section>
      </Show>
      <Show when={(state.db === 'opening' || state.db === 'locking' || (state.db === 'ready' && !loaded())) && state.pipeline !== 'running'}>
        <p class="muted" role="status">Opening your library…</p>
      </Show>
      <Show when={loaded() && !empty()}>
        <DemoNotice />
        <div class="toolbar">
          <FolderPicker onListing={onListing} onError={onError} />
          <button onClick={() => void rescan(actions)} disabled={state.pipeline === 'running'}>
            Rescan
          </button>
          <button onClick={() => void exportTracksCsv(actions)}>Export tracks (CSV)</button>
          <HistoryImportButton />
          <input type="search" placeholder="Search artist, title, album, genre, path…" aria-label="Search tracks" value={query()} onInput={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1, 'min-width': '200px' }} />
          <span class="muted" aria-live="polite">{`${formatCount(visible().length)} of ${formatCount(tracks()?.length ?? 0)} tracks`}</span>
          {/* Only a search narrows what a bulk edit or removal takes: never the whole library by accident. */}
          <Show when={query().trim()}>
            <EditShownButton
              trackIds={() => visible().map((t) => String(t.track_id))}
              what={() => `${visible().length === 1 ? 'The track' : `The ${countOf(visible().length, 'track')}`} matching "${query().trim()}"`}
            />
            <RemoveTracksButton
              trackIds={() => visible().map((t) => String(t.track_id))}
              what={() => `${visible().length === 1 ? 'The track' : `The ${countOf(visible().length, 'track')}`} matching "${query().trim()}"`}
              label="Remove shown…"
              onRemoved={() => setQuery('')}
            />
          </Show>
        </div>
      </Show>
      <HistoryImportSummary />
      <Show when={state.pipeline === 'running' && state.progress}>
        {(p) => (
          <ProgressBar progress={p()} unit={p().phase === 'Analysing audio' ? 'tracks' : 'files'} onCancel={actions.cancel}>
            <Show when={p().phase === 'Analysing audio'}>
              <button onClick={() => (analysisPaused() ? resumeAnalysis() : pauseAnalysis())}>{analysisPaused() ? 'Resume analysis' : 'Pause analysis'}</button>
            </Show>
          </ProgressBar>
        )}
      </Show>
      <Show when={loaded() && !empty()}>
        <DataTable rows={visible()} columns={TRACK_COLUMNS} label="Tracks" onRowClick={(t) => navigate(`/track/${t.track_id}`)} initialSort={{ key: 'artist', dir: 'asc' }} empty={query() ? 'No track matches the search.' : 'No tracks yet.'} />
      </Show>
      <Show when={failures().length > 0}>
        <details class="card" style={{ 'margin-top': 'var(--space-4)' }}>
          <summary>{`${failures().length} files with problems`}</summary>
          <table class="plain" aria-label="Files with problems">
            <thead><tr><th>File</th><th>What happened</th></tr></thead>
            <tbody>
              <For each={failures()}>{(f) => <tr><td>{f.path}</td><td class="error-text">{f.error}</td></tr>}</For>
            </tbody>
          </table>
        </details>
      </Show>
      <Show when={loaded()}>
        <SkippedFiles />
      </Show>
    </DropZone>
  );
}
