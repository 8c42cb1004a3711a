// One ingest run, as steps recorded in meta.run_steps: scan -> read tags -> (publish the tags ->
// analyse) -> bronze -> silver -> gold. Both publishes take the one path to gold (buildLakehouse:
// snapshot + checks), so a failing step or blocking rule stops either and leaves gold as it was.
import type { AnalysisApi } from '../../workers/analysis/api';
import type { IngestApi, TagRecord } from '../../workers/ingest/api';
import { filesNeedingAnalysis, loadAnalysisBatch, type AnalysisRow } from '../lakehouse/runs/analysis';
import { diffInventory, loadTagBatch, markSeenAndDeleted, type LoadedTagRecord } from '../lakehouse/runs/inventory';
import type { Lakehouse } from '../lakehouse/engine/db';
import { endRun, log, startRun, updateRunCounts, type RunKind } from '../lakehouse/runs/runs';
import type { FolderListing } from '../platform/folder-source';
import { replaceSkippedFiles } from '../lakehouse/runs/skipped-files';
import { unsupportedFormats } from '../domain/skipped';
import { analyseFiles, describeAnalyser } from './analyse';
import { createRateMeter, type Progress } from './progress';
import { buildLakehouse } from './build-lakehouse';
import { failedRecord, readAllTags } from './read-tags';
import { createBatchLoader } from './isolated-load';
import { settleByContent, statFiles, statSkipped } from './scan-files';
import { createRunContext, failRun } from './run-steps';
import type { WorkerPool } from './worker-pool';

const FLUSH_ROWS = 500;

export interface IngestOptions {
  kind: RunKind;
  isDemo?: boolean;
  signal: AbortSignal;
  pool: WorkerPool<IngestApi>;
  /** Analysis runs after the tags when given; without it the run stops at tags. */
  analysis?: { pool: WorkerPool<AnalysisApi>; whenNotPaused(): Promise<void> };
  onProgress(p: Progress): void;
  /** Called when the tags are in gold, before analysis: the library can show them. */
  onPublished?(): void;
}

export interface RunResult {
  runId: number;
  state: 'succeeded' | 'failed' | 'cancelled';
  read: number;
  failed: number;
  analysed: number;
  analysisFailed: number;
  unchanged: number;
  deleted: number;
  skipped: number;
  /** Of the skipped: audio in formats Wolfie cannot read, by format (most files first). */
  unsupported: { format: string; files: number }[];
  /** Listed files the person had removed from the library, not read back in. */
  removedKeptOut: number;
  notice: string | null;
  error: string | null;
}

export async function runIngest(lake: Lakehouse, listed: FolderListing, opts: IngestOptions): Promise<RunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, opts.kind, listed.root);
  const ctx = createRunContext(sql, runId);
  const step = ctx.step;

  let listing = listed;
  const result: RunResult = {
    runId, state: 'succeeded', read: 0, failed: 0, analysed: 0, analysisFailed: 0, unchanged: 0, deleted: 0, skipped: 0, unsupported: [], removedKeptOut: 0, notice: null, error: null,
  };
  try {
    const diff = await step('scan', async () => {
      listing = await settleByContent(listed);
      const skipped = (result.skipped = listing.skipped.length);
      result.unsupported = unsupportedFormats(listing.skipped.map((s) => ({ kind: s.kind, format: s.format, files: 1 })));
      // In slices: each File's metadata is a synchronous round trip in Chromium (see scan-files.ts).
      const scanned = await statFiles(listing.files, (done) =>
        opts.onProgress({ phase: 'Scanning', done, total: listing.files.length, perSecond: 0, etaSeconds: null }),
      );
      const d = await diffInventory(sql, listing.root, scanned);
      await markSeenAndDeleted(sql, runId, d.unchanged, d.deleted);
      // Every file accounted for: what this scan left out replaces what the folder's last scan did.
      await replaceSkippedFiles(sql, runId, listing.root, await statSkipped(listing.skipped));
      await updateRunCounts(sql, runId, {
        files_seen: scanned.length, files_new: d.fresh, files_changed: d.toRead.length - d.fresh, files_deleted: d.deleted.length, files_skipped: skipped + d.removed,
      });
      if (d.suspiciousShrink) await log(sql, 'warn', runId, 'scan', d.suspiciousShrink);
      return { value: d, in: scanned.length + skipped, out: d.toRead.length };
    });
    result.unchanged = diff.unchanged.length;
    result.removedKeptOut = diff.removed;
    result.deleted = diff.deleted.length;
    result.notice = diff.suspiciousShrink;

    const failures = await step('read_tags', async () => {
      const byPath = new Map(listing.files.map((f) => [f.path, f.file]));
      const toRead = diff.toRead.map((path) => ({ path, file: byPath.get(path)! }));
      const meter = createRateMeter();
      let failed = 0;
      const loader = createBatchLoader<LoadedTagRecord>(
        (rows) => loadTagBatch(sql, runId, rows),
        (r, reason) => ({ ...failedRecord(r.path, reason), fingerprint: r.fingerprint, size_bytes: r.size_bytes, last_modified_ms: r.last_modified_ms, is_demo: r.is_demo }),
        () => lake.checkpoint(),
      );
      opts.onProgress(meter('Reading tags', 0, toRead.length));
      await readAllTags(opts.pool, toRead, opts.signal, (records: TagRecord[]) => {
        for (const r of records) {
          const file = byPath.get(r.path)!;
          if (r.error) failed++;
          loader.add([{ ...r, size_bytes: file.size, last_modified_ms: file.lastModified, is_demo: opts.isDemo ?? false }]);
        }
        result.read += records.length;
        opts.onProgress(meter('Reading tags', result.read, toRead.length));
        if (loader.pending >= FLUSH_ROWS) void loader.flush();
      });
      await loader.flush();
      failed += loader.refused;
      await updateRunCounts(sql, runId, { files_failed: failed });
      return { value: failed, in: toRead.length, out: result.read };
    });
    result.failed = failures;

    if (opts.analysis && !opts.signal.aborted) await analyse(opts.analysis, lake, ctx, listing, diff.toRead.length + diff.deleted.length > 0, opts, result);

    if (opts.signal.aborted) {
      await endRun(sql, runId, 'cancelled', `Cancelled after ${result.read} files; what was read is kept`);
      result.state = 'cancelled';
    }
    opts.onProgress({ phase: 'Building the library', done: result.read, total: result.read, perSecond: 0, etaSeconds: null });
    await buildLakehouse(ctx);
    await lake.checkpoint();
    if (result.state !== 'cancelled') await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Run ${result.state}: ${result.read} read (${result.failed} with errors), ${result.unchanged} unchanged, ${result.deleted} deleted, ${result.skipped} skipped, ${result.removedKeptOut} removed by you left out`);
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}

/**
 * Publishes the tags first (so the library shows while audio is measured), then analyses every
 * file whose content or analyser version is new, loading results in small committed batches.
 * The tags publish is a whole build of its own (steps tags_bronze ... tags_publish), checked like
 * the final one: an error-severity rule that fails stops the run there.
 */
async function analyse(
  analysis: NonNullable<IngestOptions['analysis']>,
  lake: Lakehouse,
  ctx: ReturnType<typeof createRunContext>,
  listing: FolderListing,
  tagsChanged: boolean,
  opts: IngestOptions,
  result: RunResult,
): Promise<void> {
  const { sql, runId } = ctx;
  const about = await describeAnalyser(analysis.pool);
  const byPath = new Map(listing.files.map((f) => [f.path, f.file]));
  const todo = (await filesNeedingAnalysis(sql, listing.root, about.analyserVersion)).filter((t) => byPath.has(t.path));
  if (!todo.length) return;
  if (tagsChanged) {
    await buildLakehouse(ctx, { name: 'tags' });
    await lake.checkpoint();
    opts.onPublished?.();
  }
  await ctx.step('analyse', async () => {
    let lastFlush = performance.now();
    const loader = createBatchLoader<AnalysisRow>(
      (rows) => loadAnalysisBatch(sql, runId, rows),
      (row, reason) => ({ ...row, outcome: { ok: false as const, trackId: row.path, error: `${row.path}: ${reason}` } }),
      () => lake.checkpoint(),
    );
    const items = todo.map((t) => ({ path: t.path, fingerprint: t.fingerprint, file: byPath.get(t.path)! }));
    const counts = await analyseFiles(analysis.pool, about, items, {
      signal: opts.signal,
      whenNotPaused: analysis.whenNotPaused,
      onProgress: opts.onProgress,
      onRows: (rows) => {
        loader.add(rows);
        // Commit often enough that a closed tab loses little, rarely enough to stay cheap.
        if (loader.pending >= 25 || performance.now() - lastFlush > 3_000) {
          lastFlush = performance.now();
          void loader.flush();
        }
      },
    });
    await loader.flush();
    result.analysed = counts.analysed;
    result.analysisFailed = counts.failed + loader.refused;
    return { value: counts, in: items.length, out: counts.analysed };
  });
}
