// The history worker, behind a one-worker pool: a crash or a hang fails that file (the pool
// replaces the worker) instead of leaving the import waiting forever. One worker is enough:
// parsing streams, and the other core is busy with DuckDB loading what it parsed.
import type { HistoryApi } from '../../workers/history/api';
import { WorkerPool } from './worker-pool';

let pool: WorkerPool<HistoryApi> | null = null;

/** Generous: a 500 MB export parses in well under a minute, but a slow disk or a busy tab may not. */
const timeoutMs = (bytes: number) => 120_000 + (bytes / 1e6) * 2_000;

export const parseInWorker: HistoryApi['parse'] = (file, fileName, onProgress, onBatch) => {
  pool ??= new WorkerPool<HistoryApi>(() => new Worker(new URL('../../workers/history/history.worker.ts', import.meta.url), { type: 'module' }), 1);
  return pool.run((api) => api.parse(file, fileName, onProgress, onBatch), timeoutMs(file.size));
};
