// The app's one store: the lakehouse connection (after the writer lock), the pipeline status
// the header shows on every page, the change feed live reads follow, and the runs. Every run and
// command writes through a writer session of its own (lakehouse/engine/writer.ts) and announces
// what it changed. createX() returns [state, actions]; pages reach it with useLakehouse().
import { createContext, onCleanup, useContext, type ParentProps } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { IngestApi } from '../../workers/ingest/api';
import type { Lakehouse } from '../lakehouse/engine/db';
import { DATABASE_FILE, openLakehouse } from '../lakehouse/engine/db';
import { lastRun } from '../lakehouse/queries/queries';
import { runIngest, type RunResult } from '../pipeline/ingest-run';
import { parseInWorker } from '../pipeline/history-parse';
import { describeImport, runImport, type ImportRunResult } from '../pipeline/import-run';
import { runRemoveDemo } from '../pipeline/remove-demo-run';
import { runRemoveTracks } from '../pipeline/remove-tracks-run';
import { bringBackRemovedFiles } from '../lakehouse/runs/removed-files';
import { demoHistoryFingerprints } from '../platform/demo-library';
import { runRebuild, type RebuildResult } from '../pipeline/rebuild-run';
import type { Progress } from '../pipeline/progress';
import { WorkerPool } from '../pipeline/worker-pool';
import { analysisOptions, resumeAnalysis } from './analysis-control';
import type { FolderListing } from '../platform/folder-source';
import { acquireWriterLock } from '../platform/tab-lock';
import { notify } from '../platform/notify';
import { recordAudit } from '../lakehouse/runs/audit';
import { countOf } from '../domain/format-number';
import { unsupportedPhrase } from '../domain/skipped';
import { checkStorageBeforeWork, forgetRunFailures, resetIfRequested, unrecordedRunFailures } from '../platform/storage';
import { failInterruptedRuns } from '../lakehouse/runs/runs';
import type { CorrectionTarget } from '../lakehouse/runs/tag-corrections';
import type { TagEdits } from '../domain/tag-corrections';
import type { CommandContext, WriterLake } from './commands/context';
import { createWriter, type Writer } from '../lakehouse/engine/writer';
import { createChangeFeed, RUN_CHANGES } from './live/changes';
import { correctTracks } from './commands/correct-tracks';
import { catchUpInteractions } from './commands/interactions';
import { readArtistSeparators, setArtistSeparators } from './commands/artist-separators';

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

/** A sentence ends once: run errors end with their own advice, the toasts add a sentence after. */
const sentence = (text: string | null) => (text ?? '').replace(/[.\s]+$/, '');

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
    void catchUpInteractions(commands, claimedAt);
  };

  // What commands (src/app/commands) get: the same guard as runs, a writer session, the change feed.
  const commands: CommandContext = {
    lakehouse: () => ready,
    writer: (): Promise<WriterLake> => writerLake(),
    claim: (phase) => claim(phase),
    release: (outcome) => {
      set({ pipeline: outcome, progress: null });
      void catchUpInteractions(commands, claimedAt);
    },
    announce: (tables) => changes.announce(tables),
    toast,
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
    /** The context commands run in: `cmd(actions.commands, ...args)`. */
    commands,
    cancel: () => {
      abort?.abort();
      resumeAnalysis(); // a paused run must wake up to notice it was cancelled
    },

    /** Reads a folder listing into the lakehouse. Sets 'running' synchronously, before any await. */
    async ingest(listing: FolderListing, kind: 'ingest' | 'rescan' | 'demo' = 'ingest'): Promise<RunResult | null> {
      if (!claim('Scanning', listing.files.length)) return null;
      abort = new AbortController();
      try {
        const db = await writerLake();
        await checkStorageBeforeWork(toast, kind !== 'demo'); // governance: warn when nearly full; ask for persistence at the first ingest
        pool ??= new WorkerPool<IngestApi>(() => new Worker(new URL('../../workers/ingest/ingest.worker.ts', import.meta.url), { type: 'module' }));
        const result = await runIngest(db, listing, {
          kind, isDemo: kind === 'demo', signal: abort.signal, pool, onProgress: (p) => set('progress', p),
          analysis: analysisOptions(), onPublished: announceRun,
        });
        // The audit line is durable before the status says the run ended: a reload right after must not lose it.
        await recordAudit(db.sql, kind === 'demo' ? 'demo-load' : kind, `${listing.root}: run ${result.runId} ${result.state}, ${result.read} read, ${result.deleted} removed, ${result.failed} failed`);
        set({ lastResult: result, progress: null, pipeline: result.state === 'failed' ? 'failed' : result.state === 'cancelled' ? 'idle' : 'succeeded' });
        announceRun();
        announce(result);
        if (result.state === 'succeeded') void import('../pipeline/ratings-run').then((m) => m.retrainRatings(db, () => changes.announce(['raw.rating_predictions', 'meta.rating_models', 'gold.track_facts']))); // issue 7: retrain the rating model on the new library
        return result;
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        set({ pipeline: 'failed', progress: null });
        toast('error', `The run could not start: ${text}`);
        return null;
      } finally {
        abort = null;
      }
    },

    /** "Remove demo library": tombstones the demo files and rebuilds, as one recorded run. */
    async removeDemo(): Promise<RunResult | null> {
      if (!claim('Removing the demo library')) return null;
      const db = await writerLake();
      const result = await runRemoveDemo(db, await demoHistoryFingerprints().catch(() => [])).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
      const ok = 'runId' in result && result.state === 'succeeded';
      await recordAudit(db.sql, 'remove-demo', ok ? `Demo library removed (${result.deleted} tracks, run ${result.runId})` : `Demo removal failed: ${'error' in result ? sentence(result.error) : ''}`);
      set({ pipeline: ok ? 'succeeded' : 'failed', progress: null });
      announceRun();
      toast(ok ? 'success' : 'error', ok ? `Demo library removed (${result.deleted} tracks).` : `The demo library could not be removed: ${sentence(result.error)}. See Pipeline.`);
      return 'runId' in result ? result : null;
    },

    /**
     * "Remove from library" (the person confirmed first): tombstones the tracks' files and
     * rebuilds, as one recorded run. The files stay on disk; rescans leave them out.
     * `describe` names what was removed for the audit line, e.g. a title or a search.
     */
    async removeTracks(trackIds: readonly string[], describe: string): Promise<RunResult | null> {
      if (!claim('Removing tracks from the library')) return null;
      const db = await writerLake();
      const result = await runRemoveTracks(db, trackIds);
      const ok = result.state === 'succeeded';
      await recordAudit(db.sql, 'delete-tracks', ok
        ? `Removed ${countOf(trackIds.length, 'track')} (${countOf(result.deleted, 'file')}) from the library: ${describe} (run ${result.runId})`
        : `Removing ${countOf(trackIds.length, 'track')} failed: ${sentence(result.error)} (run ${result.runId})`);
      set({ pipeline: ok ? 'succeeded' : 'failed', progress: null });
      announceRun();
      const text = ok
        ? `Removed ${countOf(trackIds.length, 'track')} from the library. The files stay on disk; Settings can bring them back.`
        : `The tracks could not be removed: ${sentence(result.error)}. Your library is as it was before; see Pipeline.`;
      toast(ok ? 'success' : 'error', text);
      return result;
    },

    /** "Edit tags": corrects tags of tracks or files as one recorded run (commands/correct-tracks.ts). */
    correctTracks: (target: CorrectionTarget, edits: TagEdits, what: string) => correctTracks(commands, target, edits, what),
    artistSeparators: () => readArtistSeparators(commands),
    setArtistSeparators: (separators: readonly string[]) => setArtistSeparators(commands, separators),

    /** Forgets every removal; the next rescan of each folder reads those files back in. */
    async bringBackRemoved(): Promise<number> {
      const db = await writerLake();
      const n = await bringBackRemovedFiles(db.sql);
      await recordAudit(db.sql, 'restore-tracks', `Brought back ${countOf(n, 'removed file')}: the next rescan reads them again`);
      changes.announce(['raw.removed_files', 'meta.audit_log']);
      toast('success', `${countOf(n, 'removed file')} will be read again at the next rescan of their folder.`);
      return n;
    },

    /** "Full rebuild" on /pipeline: re-derives bronze, silver and gold from raw as one recorded run. */
    async rebuild(): Promise<RebuildResult | null> {
      if (!claim('Rebuilding the lakehouse')) return null;
      const db = await writerLake();
      const result = await runRebuild(db).catch((e: unknown) => ({ runId: 0, state: 'failed' as const, error: e instanceof Error ? e.message : String(e) }));
      await recordAudit(db.sql, 'rebuild', `Full rebuild, run ${result.runId} ${result.state}${result.error ? `: ${result.error}` : ''}`);
      set({ pipeline: result.state, progress: null });
      announceRun();
      const text = result.state === 'succeeded' ? `Full rebuild done (run ${result.runId}).` : `Rebuild failed: ${sentence(result.error)}. Your library is as it was before; see Pipeline.`;
      toast(result.state === 'succeeded' ? 'success' : 'error', text);
      if (result.state === 'failed') notify('Wolfie: rebuild failed', text);
      return result;
    },

    /** Imports listening-history exports (several files at once); the same status rules as ingest(). */
    async importHistory(files: File[]): Promise<ImportRunResult | null> {
      if (!claim('Importing listening history', files.length)) return null;
      abort = new AbortController();
      try {
        await checkStorageBeforeWork(toast, false); // governance: warn when nearly full
        const db = await writerLake();
        const result = await runImport(db, files, { parse: parseInWorker, signal: abort.signal, onProgress: (p) => set('progress', p) });
        await recordAudit(db.sql, 'import-history', `${files.map((f) => f.name).join(', ')}: run ${result.runId} ${result.state}, ${result.files.length} files`);
        set({ progress: null, pipeline: result.state });
        announceRun();
        const said = describeImport(result);
        toast(said.kind, said.text);
        if (result.state === 'succeeded') void import('../pipeline/ratings-run').then(async (m) => m.retrainRatings(db, () => changes.announce(['raw.rating_predictions', 'meta.rating_models', 'gold.track_facts']))); // issue 7: imported ratings retrain the model
        return result;
      } catch (error) {
        set({ pipeline: 'failed', progress: null });
        toast('error', `The import could not start: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      } finally {
        abort = null;
      }
    },
  };

  const announce = (r: RunResult) => {
    if (r.state === 'failed') {
      const text = `Run ${r.runId} failed: ${sentence(r.error)}. Your library is as it was before this run; see Pipeline for details.`;
      toast('error', text);
      notify('Wolfie: run failed', text);
    } else if (r.state === 'cancelled') {
      toast('info', `Cancelled. ${r.read} files were read and kept; Rescan continues where this stopped.`);
    } else {
      const parts = [`${r.read} read`, `${r.unchanged} unchanged`];
      if (r.deleted) parts.push(`${r.deleted} removed`);
      if (r.analysed) parts.push(`${r.analysed} analysed`);
      if (r.failed + r.analysisFailed) parts.push(`${r.failed + r.analysisFailed} with problems (listed under the table)`);
      const unsupported = unsupportedPhrase(r.unsupported);
      if (unsupported) parts.push(`${unsupported}, listed under the table`);
      const others = r.skipped - r.unsupported.reduce((n, f) => n + f.files, 0);
      if (others) parts.push(`${others} non-audio or hidden skipped`);
      if (r.removedKeptOut) parts.push(`${r.removedKeptOut} files you removed from the library left out`);
      toast(r.failed + r.analysisFailed ? 'info' : 'success', `Library updated: ${parts.join(', ')}.`);
      if (r.notice) toast('info', r.notice);
      notify('Wolfie: library updated', parts.join(', '));
    }
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
