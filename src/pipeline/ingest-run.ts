// One ingest run, as steps recorded in meta.run_steps: scan -> read tags -> bronze -> silver ->
// gold. A failing step stops the rest and marks the run failed; gold is only ever replaced whole.
import type { IngestApi, TagRecord } from '../../workers/ingest/api';
import { diffInventory, loadTagBatch, markSeenAndDeleted, type LoadedTagRecord } from '../lakehouse/inventory';
import type { Lakehouse } from '../lakehouse/db';
import { endRun, log, startRun, updateRunCounts, type RunKind } from '../lakehouse/runs';
import type { FolderListing } from '../platform/folder-source';
import { createRateMeter, type Progress } from './progress';
import { buildLakehouse } from './build-lakehouse';
import { readAllTags } from './read-tags';
import { createRunContext, StepFailed } from './run-steps';
import type { WorkerPool } from './worker-pool';

const FLUSH_ROWS = 500;

export interface IngestOptions {
  kind: RunKind;
  isDemo?: boolean;
  signal: AbortSignal;
  pool: WorkerPool<IngestApi>;
  onProgress(p: Progress): void;
}

export interface RunResult {
  runId: number;
  state: 'succeeded' | 'failed' | 'cancelled';
  read: number;
  failed: number;
  unchanged: number;
  deleted: number;
  skipped: number;
  notice: string | null;
  error: string | null;
}

export async function runIngest(lake: Lakehouse, listing: FolderListing, opts: IngestOptions): Promise<RunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, opts.kind, listing.root);
  const ctx = createRunContext(sql, runId);
  const step = ctx.step;

  const skipped = listing.skipped.hidden + listing.skipped['not-audio'];
  const result: RunResult = { runId, state: 'succeeded', read: 0, failed: 0, unchanged: 0, deleted: 0, skipped, notice: null, error: null };
  try {
    const diff = await step('scan', async () => {
      const scanned = listing.files.map((f) => ({ path: f.path, size_bytes: f.file.size, last_modified_ms: f.file.lastModified }));
      const d = await diffInventory(sql, listing.root, scanned);
      await markSeenAndDeleted(sql, runId, d.unchanged, d.deleted);
      await updateRunCounts(sql, runId, {
        files_seen: scanned.length, files_new: d.fresh, files_changed: d.toRead.length - d.fresh, files_deleted: d.deleted.length, files_skipped: skipped,
      });
      if (d.suspiciousShrink) await log(sql, 'warn', runId, 'scan', d.suspiciousShrink);
      return { value: d, in: scanned.length + skipped, out: d.toRead.length };
    });
    result.unchanged = diff.unchanged.length;
    result.deleted = diff.deleted.length;
    result.notice = diff.suspiciousShrink;

    const failures = await step('read_tags', async () => {
      const byPath = new Map(listing.files.map((f) => [f.path, f.file]));
      const toRead = diff.toRead.map((path) => ({ path, file: byPath.get(path)! }));
      const meter = createRateMeter();
      let pending: LoadedTagRecord[] = [];
      let flushing = Promise.resolve();
      let failed = 0;
      const flush = () => {
        const batch = pending;
        pending = [];
        flushing = flushing.then(async () => {
          await loadTagBatch(sql, runId, batch);
          await lake.checkpoint();
        });
        return flushing;
      };
      opts.onProgress(meter('Reading tags', 0, toRead.length));
      await readAllTags(opts.pool, toRead, opts.signal, (records: TagRecord[]) => {
        for (const r of records) {
          const file = byPath.get(r.path)!;
          if (r.error) failed++;
          pending.push({ ...r, size_bytes: file.size, last_modified_ms: file.lastModified, is_demo: opts.isDemo ?? false });
        }
        result.read += records.length;
        opts.onProgress(meter('Reading tags', result.read, toRead.length));
        if (pending.length >= FLUSH_ROWS) void flush();
      });
      await flush();
      await updateRunCounts(sql, runId, { files_failed: failed });
      return { value: failed, in: toRead.length, out: result.read };
    });
    result.failed = failures;

    if (opts.signal.aborted) {
      await endRun(sql, runId, 'cancelled', `Cancelled after ${result.read} files; what was read is kept`);
      result.state = 'cancelled';
    }
    opts.onProgress({ phase: 'Building the library', done: result.read, total: result.read, perSecond: 0, etaSeconds: null });
    await buildLakehouse(ctx);
    await lake.checkpoint();
    if (result.state !== 'cancelled') await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Run ${result.state}: ${result.read} read (${result.failed} with errors), ${result.unchanged} unchanged, ${result.deleted} deleted, ${skipped} skipped`);
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = error instanceof Error ? error.message : String(error);
    await endRun(sql, runId, 'failed', result.error).catch(() => undefined);
    await log(sql, 'error', runId, error instanceof StepFailed ? error.step : null, result.error).catch(() => undefined);
    await lake.checkpoint().catch(() => undefined);
    return result;
  }
}
