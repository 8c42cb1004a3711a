// Runs as commands: reading a folder (ingest, rescan, demo), importing listening history, the
// full rebuild, and removing the demo or chosen tracks. Each takes the one guard (refused while
// another run or claiming command holds the lakehouse), runs on a writer session of its own,
// writes its audit line once the run has ended (durable before the status says so: a reload
// right after must not lose it), then hands the outcome to the host, which shows it and announces
// what the run changed. The runs themselves are in src/pipeline.
import type { IngestApi } from '../../../workers/ingest/api';
import { countOf } from '../../domain/format-number';
import { unsupportedPhrase } from '../../domain/skipped';
import { recordAudit } from '../../lakehouse/runs/audit';
import { describeImport, runImport, type ImportRunResult } from '../../pipeline/import-run';
import { parseInWorker } from '../../pipeline/history-parse';
import { runIngest, type RunResult } from '../../pipeline/ingest-run';
import type { Progress } from '../../pipeline/progress';
import { runRebuild, type RebuildResult } from '../../pipeline/rebuild-run';
import { runRemoveDemo } from '../../pipeline/remove-demo-run';
import { runRemoveTracks } from '../../pipeline/remove-tracks-run';
import type { WorkerPool } from '../../pipeline/worker-pool';
import { demoHistoryFingerprints } from '../../platform/demo-library';
import type { FolderListing } from '../../platform/folder-source';
import { notify } from '../../platform/notify';
import { checkStorageBeforeWork } from '../../platform/storage';
import { analysisOptions } from '../analysis-control';
import type { CommandContext } from './context';

export type RunOutcome = 'succeeded' | 'failed' | 'idle';

/** What a run needs from the app beyond a command's context: progress, cancel, the worker pool, the end. */
export interface RunHost extends CommandContext {
  claim(phase: string, total?: number): boolean;
  progress(p: Progress): void;
  /** A fresh signal for this run; Cancel aborts it. */
  cancellable(): AbortSignal;
  ingestPool(): WorkerPool<IngestApi>;
  /** The run is over: the status shows `outcome`, views re-read what it changed. */
  finish(outcome: RunOutcome, result?: RunResult): void;
}

/** A sentence ends once: run errors end with their own advice, the toasts add a sentence after. */
const sentence = (text: string | null) => (text ?? '').replace(/[.\s]+$/, '');
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const retrainAfter = (host: RunHost) =>
  void import('../../pipeline/ratings-run').then(async (m) =>
    m.retrainRatings(await host.writer(), () => host.announce(['raw.rating_predictions', 'meta.rating_models', 'gold.track_facts'])),
  ); // issue 7: the rating model learns from the new library or the imported ratings

/** Reads a folder listing into the lakehouse. */
export async function ingestFolder(host: RunHost, listing: FolderListing, kind: 'ingest' | 'rescan' | 'demo' = 'ingest'): Promise<RunResult | null> {
  if (!host.claim('Scanning', listing.files.length)) return null;
  const signal = host.cancellable();
  try {
    const lake = await host.writer();
    await checkStorageBeforeWork(host.toast, kind !== 'demo'); // governance: warn when nearly full; ask for persistence at the first ingest
    const result = await runIngest({ ...(await host.lakehouse()), ...lake }, listing, {
      kind, isDemo: kind === 'demo', signal, pool: host.ingestPool(), onProgress: (p) => host.progress(p),
      analysis: analysisOptions(), onPublished: () => host.announce(['bronze.*', 'silver.*', 'gold.*', 'meta.*']),
    });
    await recordAudit(lake.sql, kind === 'demo' ? 'demo-load' : kind, `${listing.root}: run ${result.runId} ${result.state}, ${result.read} read, ${result.deleted} removed, ${result.failed} failed`);
    host.finish(result.state === 'failed' ? 'failed' : result.state === 'cancelled' ? 'idle' : 'succeeded', result);
    announceIngest(host, result);
    if (result.state === 'succeeded') retrainAfter(host);
    return result;
  } catch (error) {
    host.finish('failed');
    host.toast('error', `The run could not start: ${message(error)}`);
    return null;
  }
}

function announceIngest(host: RunHost, r: RunResult): void {
  if (r.state === 'failed') {
    const text = `Run ${r.runId} failed: ${sentence(r.error)}. Your library is as it was before this run; see Pipeline for details.`;
    host.toast('error', text);
    notify('Wolfie: run failed', text);
  } else if (r.state === 'cancelled') {
    host.toast('info', `Cancelled. ${r.read} files were read and kept; Rescan continues where this stopped.`);
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
    host.toast(r.failed + r.analysisFailed ? 'info' : 'success', `Library updated: ${parts.join(', ')}.`);
    if (r.notice) host.toast('info', r.notice);
    notify('Wolfie: library updated', parts.join(', '));
  }
}

/** Imports listening-history exports (several files at once). */
export async function importHistory(host: RunHost, files: File[]): Promise<ImportRunResult | null> {
  if (!host.claim('Importing listening history', files.length)) return null;
  const signal = host.cancellable();
  try {
    await checkStorageBeforeWork(host.toast, false); // governance: warn when nearly full
    const lake = await host.writer();
    const result = await runImport(lake, files, { parse: parseInWorker, signal, onProgress: (p) => host.progress(p) });
    await recordAudit(lake.sql, 'import-history', `${files.map((f) => f.name).join(', ')}: run ${result.runId} ${result.state}, ${result.files.length} files`);
    host.finish(result.state);
    const said = describeImport(result);
    host.toast(said.kind, said.text);
    if (result.state === 'succeeded') retrainAfter(host);
    return result;
  } catch (error) {
    host.finish('failed');
    host.toast('error', `The import could not start: ${message(error)}`);
    return null;
  }
}

/** "Full rebuild" on /pipeline: re-derives bronze, silver and gold from raw. */
export async function rebuild(host: RunHost): Promise<RebuildResult | null> {
  if (!host.claim('Rebuilding the lakehouse')) return null;
  const lake = await host.writer();
  const result = await runRebuild(lake).catch((e: unknown) => ({ runId: 0, state: 'failed' as const, error: message(e) }));
  await recordAudit(lake.sql, 'rebuild', `Full rebuild, run ${result.runId} ${result.state}${result.error ? `: ${result.error}` : ''}`);
  host.finish(result.state);
  const text = result.state === 'succeeded' ? `Full rebuild done (run ${result.runId}).` : `Rebuild failed: ${sentence(result.error)}. Your library is as it was before; see Pipeline.`;
  host.toast(result.state === 'succeeded' ? 'success' : 'error', text);
  if (result.state === 'failed') notify('Wolfie: rebuild failed', text);
  return result;
}

/** "Remove demo library": tombstones the demo files and rebuilds, as one recorded run. */
export async function removeDemo(host: RunHost): Promise<RunResult | null> {
  if (!host.claim('Removing the demo library')) return null;
  const lake = await host.writer();
  const result = await runRemoveDemo({ ...(await host.lakehouse()), ...lake }, await demoHistoryFingerprints().catch(() => [])).catch((e: unknown) => ({ error: message(e) }));
  const ok = 'runId' in result && result.state === 'succeeded';
  await recordAudit(lake.sql, 'remove-demo', ok ? `Demo library removed (${result.deleted} tracks, run ${result.runId})` : `Demo removal failed: ${'error' in result ? sentence(result.error) : ''}`);
  host.finish(ok ? 'succeeded' : 'failed');
  host.toast(ok ? 'success' : 'error', ok ? `Demo library removed (${result.deleted} tracks).` : `The demo library could not be removed: ${sentence(result.error)}. See Pipeline.`);
  return 'runId' in result ? result : null;
}

/**
 * "Remove from library" (the person confirmed first): tombstones the tracks' files and rebuilds,
 * as one recorded run. The files stay on disk; rescans leave them out. `describe` names what was
 * removed for the audit line, e.g. a title or a search.
 */
export async function removeTracks(host: RunHost, trackIds: readonly string[], describe: string): Promise<RunResult | null> {
  if (!host.claim('Removing tracks from the library')) return null;
  const lake = await host.writer();
  const result = await runRemoveTracks({ ...(await host.lakehouse()), ...lake }, trackIds);
  const ok = result.state === 'succeeded';
  await recordAudit(lake.sql, 'delete-tracks', ok
    ? `Removed ${countOf(trackIds.length, 'track')} (${countOf(result.deleted, 'file')}) from the library: ${describe} (run ${result.runId})`
    : `Removing ${countOf(trackIds.length, 'track')} failed: ${sentence(result.error)} (run ${result.runId})`);
  host.finish(ok ? 'succeeded' : 'failed');
  host.toast(ok ? 'success' : 'error', ok
    ? `Removed ${countOf(trackIds.length, 'track')} from the library. The files stay on disk; Settings can bring them back.`
    : `The tracks could not be removed: ${sentence(result.error)}. Your library is as it was before; see Pipeline.`);
  return result;
}
