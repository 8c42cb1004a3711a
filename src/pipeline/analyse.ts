// Audio analysis of a run's files on the analysis worker pool: one file per task, a time limit
// scaled by size, results loaded in batches. A file whose worker hangs or crashes is recorded as
// failed with the reason and the run goes on (the pool replaces the worker).
import * as Comlink from 'comlink';
import type { AnalysisApi, AnalysisOutcome } from '../../workers/analysis/api';
import { decodeWithBrowser } from '../platform/browser-decode';
import type { AnalysisRow } from '../lakehouse/runs/analysis';
import type { Progress } from './progress';
import { WorkerFailure, type WorkerPool } from './worker-pool';

export interface AnalysisItem {
  path: string;
  fingerprint: string | null;
  file: File;
}

export interface AnalyseOptions {
  signal: AbortSignal;
  /** Resolves when the person has not paused analysis (at once when running). */
  whenNotPaused(): Promise<void>;
  onProgress(p: Progress): void;
  onRows(rows: AnalysisRow[]): void;
  /** The time limit for one file; default analysisTimeoutMs. Tests shorten it to exercise a hang. */
  timeoutMs?: (sizeBytes: number) => number;
}

const BASE_TIMEOUT_MS = 60_000;
const TIMEOUT_MS_PER_MB = 5_000;

/** A minute plus 5 s per MB: a long mix gets far more time than its decoding needs, a hang is still caught. */
export function analysisTimeoutMs(sizeBytes: number): number {
  return BASE_TIMEOUT_MS + (sizeBytes / 1e6) * TIMEOUT_MS_PER_MB;
}

export interface Analyser {
  analyser: string;
  analyserVersion: string;
}

export function describeAnalyser(pool: WorkerPool<AnalysisApi>): Promise<Analyser> {
  return pool.run((api) => api.describe(), 60_000);
}

export async function analyseFiles(
  pool: WorkerPool<AnalysisApi>,
  { analyser, analyserVersion }: Analyser,
  items: AnalysisItem[],
  opts: AnalyseOptions,
): Promise<{ analysed: number; failed: number }> {
  const totalBytes = items.reduce((n, i) => n + i.file.size, 0) || 1;
  // Largest first: a long mix left for the end would run alone while the other cores idle.
  const queue = [...items].sort((a, b) => b.file.size - a.file.size);
  const started = performance.now();
  let doneBytes = 0;
  let audioSeconds = 0;
  let analysed = 0;
  let failed = 0;
  let next = 0;
  const report = () => {
    const wallS = (performance.now() - started) / 1000;
    const perSecond = wallS > 0 ? analysed / wallS : 0;
    const bytesRate = wallS > 0 ? doneBytes / wallS : 0;
    opts.onProgress({
      phase: 'Analysing audio', done: analysed, total: items.length, perSecond,
      etaSeconds: bytesRate > 0 ? (totalBytes - doneBytes) / bytesRate : null,
      detail: `${(audioSeconds / 3600).toFixed(2)} h of audio, ${wallS > 0 ? Math.round(audioSeconds / wallS) : 0}x realtime`,
    });
  };
  const lane = async () => {
    while (next < queue.length && !opts.signal.aborted) {
      await opts.whenNotPaused();
      // Re-check after the await: another lane may have taken the last item meanwhile (it did:
      // two lanes both passed the loop test for one remaining file and the second read past the end).
      if (opts.signal.aborted || next >= queue.length) break;
      const item = queue[next++]!;
      const outcome = await analyseOne(pool, item, (opts.timeoutMs ?? analysisTimeoutMs)(item.file.size));
      if (outcome.ok) audioSeconds += outcome.result.durationS;
      else failed++;
      analysed++;
      doneBytes += item.file.size;
      opts.onRows([{ path: item.path, fingerprint: item.fingerprint, analyser, analyser_version: analyserVersion, outcome }]);
      report();
    }
  };
  report();
  await Promise.all(Array.from({ length: pool.size }, lane));
  return { analysed, failed };
}

async function analyseOne(pool: WorkerPool<AnalysisApi>, item: AnalysisItem, timeout: number): Promise<AnalysisOutcome> {
  try {
    const outcome = await pool.run<AnalysisOutcome>((api) => api.analyse({ trackId: item.path, path: item.path, file: item.file }), timeout);
    return outcome.ok || outcome.stage !== 'decode' ? outcome : await analyseDecodedByBrowser(pool, item, outcome, timeout);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    const reason =
      error.kind === 'timeout'
        ? `analysis stopped after ${Math.round(timeout / 1000)} s without an answer; the file may be damaged or very unusual`
        : `the analyser crashed on this file (${error.message}); it may be damaged`;
    return { ok: false, trackId: item.path, error: `${item.path}: ${reason}` };
  }
}

/** The workers could not decode the file: try the browser's decoder, keep the worker's reason if that fails too. */
async function analyseDecodedByBrowser(pool: WorkerPool<AnalysisApi>, item: AnalysisItem, failed: AnalysisOutcome, timeout: number): Promise<AnalysisOutcome> {
  const decoded = await decodeWithBrowser(item.file, timeout);
  if (!decoded) return failed.ok ? failed : { ...failed, error: `${failed.error}; the browser's own decoder could not read it either` };
  const request = { trackId: item.path, path: item.path, ...decoded };
  return pool.run<AnalysisOutcome>((api) => api.analysePcm(Comlink.transfer(request, decoded.channels.map((c) => c.buffer))), timeout);
}
