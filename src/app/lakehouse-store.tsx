// The app's one store: the lakehouse connection (after the writer lock), the pipeline status
// the header shows on every page, the change feed live reads follow, and the host that runs and
// commands (src/app/commands) work through: the one guard, a writer session per flow
// (lakehouse/engine/writer.ts), and the change notice after them. createX() returns
// [state, actions]; pages reach it with useLakehouse().
import { createContext, onCleanup, useContext, type ParentProps } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { IngestApi } from '../../workers/ingest/api';
import type { Lakehouse } from '../lakehouse/engine/db';
import { DATABASE_FILE, openLakehouse } from '../lakehouse/engine/db';
import { createWriter, type Writer } from '../lakehouse/engine/writer';
import { lastRun } from '../lakehouse/queries/queries';
import { failInterruptedRuns } from '../lakehouse/runs/runs';
import type { CorrectionTarget } from '../lakehouse/runs/tag-corrections';
import type { RunResult } from '../pipeline/ingest-run';
import type { Progress } from '../pipeline/progress';
import { WorkerPool } from '../pipeline/worker-pool';
import type { FolderListing } from '../platform/folder-source';
import { acquireWriterLock } from '../platform/tab-lock';
import { forgetRunFailures, resetIfRequested, unrecordedRunFailures } from '../platform/storage';
import type { TagEdits } from '../domain/tag-corrections';
import { resumeAnalysis } from './analysis-control';
import type { WriterLake } from './commands/context';
import { correctTracks } from './commands/correct-tracks';
import { catchUpInteractions, interactedSince } from './commands/interactions';
import { setArtistSeparators } from './commands/artist-separators';
import { importHistory, ingestFolder, rebuild, removeDemo, removeTracks, type RunHost, type RunOutcome } from './commands/runs';
import { createChangeFeed, RUN_CHANGES } from './live/changes';

export type DbStatus = 'locking' | 'other-tab' | 'opening' | 'ready' | 'error';
export type PipelineState = 'idle' | 'running' | 'succeeded' | 'failed';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface LakehouseState {
  db: DbStatus;
  dbError: string | null;
  storage: 'opfs' | 'memory' | null;
  pipeline: PipelineState;
  progress: Progress | null;
  lastResult: RunResult | null;
  toasts: Toast[];
}

/**
 * At open, runs left 'running' are over (a closed tab, or a failure the full storage would not
 * let us write): record them failed, with the reason failRun kept aside when there is one.
 */
async function recordInterruptedRuns(lake: Lakehouse): Promise<void> {
  try {
    const ended = await failInterruptedRuns(lake.sql, unrecordedRunFailures());
    if (ended.length) await lake.checkpoint();
    forgetRunFailures();
  } catch {
    // Still no room to write: the reasons stay noted and the next start tries again.
  }
}

function createLakehouseStore() {
  const [state, set] = createStore<LakehouseState>({
    db: 'locking', dbError: null, storage: null, pipeline: 'idle', progress: null, lastResult: null, toasts: [],
  });
  let lake: Lakehouse | null = null;
  let writer: Writer | null = null;
  const changes = createChangeFeed();
  let pool: WorkerPool<IngestApi> | null = null;
  let abort: AbortController | null = null;
  let toastId = 0;
  let claimedAt = 0;

  const toast = (kind: Toast['kind'], text: string) => {
    const id = ++toastId;
    set('toasts', (t) => [...t, { id, kind, text }]);
    setTimeout(() => set('toasts', (t) => t.filter((x) => x.id !== id)), kind === 'error' ? 15_000 : 6_000);
  };

  /**
   * The one exclusivity guard of runs and commands: a second change while one is in progress is
   * refused with a word to the person. Sets 'running' synchronously, before any await.
   */
  const claim = (phase: string, total = 1): boolean => {
    if (state.pipeline === 'running') {
      toast('info', 'A run is already in progress; wait for it or cancel it first.');
      return false;
    }
    set({ pipeline: 'running', progress: { phase, done: 0, total, perSecond: 0, etaSeconds: null } });
    claimedAt = Date.now();
    return true;
  };

  const ready = (async () => {
    await acquireWriterLock(() => set('db', 'other-tab'));
    set('db', 'opening');
    try {
      await resetIfRequested([DATABASE_FILE, `${DATABASE_FILE}.wal`]); // governance: Reset library deletes the file before DuckDB opens it
      lake = await openLakehouse();
      writer = createWriter(lake.sql);
      await recordInterruptedRuns(lake);
      const last = await lastRun(lake.read);
      set({ db: 'ready', storage: lake.storage });
      // A run started while the database was opening owns the status; otherwise show the last outcome.
      if (state.pipeline !== 'running') set('pipeline', last?.state === 'succeeded' ? 'succeeded' : last?.state === 'failed' ? 'failed' : 'idle');
      return lake;
    } catch (error) {
      set({ db: 'error', dbError: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  })();
  ready.catch(() => undefined);

  /** The lakehouse as one flow (a run, a command) writes it: its own writer session. */
  const writerLake = async (): Promise<Lakehouse> => {
    const open = await ready;
    const sql = writer!.session();
    return { ...open, sql, checkpoint: async () => (open.storage === 'opfs' ? sql.exec('CHECKPOINT') : undefined) };
  };
  /**
   * After a run or a claiming command: its views re-read, and ratings and plays made while it ran
   * are applied again (its publish may have replaced gold with rows built before them).
   */
  const announceRun = () => {
    changes.announce(RUN_CHANGES);
    if (interactedSince(claimedAt)) void catchUpInteractions(host, claimedAt);
  };

  // What commands and runs (src/app/commands) work through: the guard, a writer session, the change feed.
  const host: RunHost = {
    lakehouse: () => ready,
    writer: (): Promise<WriterLake> => writerLake(),
    claim,
    release: (outcome) => {
      set({ pipeline: outcome, progress: null });
      if (interactedSince(claimedAt)) void catchUpInteractions(host, claimedAt);
    },
    announce: (tables) => changes.announce(tables),
    toast,
    progress: (p) => set('progress', p),
    cancellable: () => (abort = new AbortController()).signal,
    ingestPool: () =>
      (pool ??= new WorkerPool<IngestApi>(() => new Worker(new URL('../../workers/ingest/ingest.worker.ts', import.meta.url), { type: 'module' }))),
    finish: (outcome: RunOutcome, result?: RunResult) => {
      set({ pipeline: outcome, progress: null, ...(result ? { lastResult: result } : {}) });
      abort = null;
      announceRun();
    },
  };

  const onPageHide = () => void writer?.checkpoint().catch(() => undefined);
  window.addEventListener('pagehide', onPageHide);
  onCleanup(() => window.removeEventListener('pagehide', onPageHide));

  const actions = {
    toast,
    dismissToast: (id: number) => set('toasts', (t) => t.filter((x) => x.id !== id)),
    /** The open lakehouse; waits for the lock and migrations. */
    lakehouse: () => ready,
    /** What live reads follow (live/use-live.ts). */
    changes,
    /** The context commands run in: `someCommand(actions.commands, ...args)`. */
    commands: host,
    cancel: () => {
      abort?.abort();
      resumeAnalysis(); // a paused run must wake up to notice it was cancelled
    },
    /** Runs (commands/runs.ts); each sets 'running' synchronously, before any await. */
    ingest: (listing: FolderListing, kind: 'ingest' | 'rescan' | 'demo' = 'ingest') => ingestFolder(host, listing, kind),
    importHistory: (files: File[]) => importHistory(host, files),
    rebuild: () => rebuild(host),
    removeDemo: () => removeDemo(host),
    removeTracks: (trackIds: readonly string[], describe: string) => removeTracks(host, trackIds, describe),

    /** "Edit tags": corrects tags of tracks or files as one recorded run (commands/correct-tracks.ts). */
    correctTracks: (target: CorrectionTarget, edits: TagEdits, what: string) => correctTracks(host, target, edits, what),
    setArtistSeparators: (separators: readonly string[]) => setArtistSeparators(host, separators),
  };

  return [state, actions] as const;
}

type Store = ReturnType<typeof createLakehouseStore>;
const LakehouseContext = createContext<Store>();

export function LakehouseProvider(props: ParentProps) {
  const store = createLakehouseStore();
  return <LakehouseContext.Provider value={store}>{props.children}</LakehouseContext.Provider>;
}

export function useLakehouse(): Store {
  const store = useContext(LakehouseContext);
  if (!store) throw new Error('useLakehouse() outside <LakehouseProvider>');
  return store;
}
