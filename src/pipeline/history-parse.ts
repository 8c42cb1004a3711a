// The history-load worker (parser + Arrow encoding), behind a one-worker pool: a crash or a hang fails that file (the pool
// replaces the worker) instead of leaving the import waiting forever. One worker is enough:
// parsing streams, and the other core is busy with DuckDB loading what it parsed.
import type { HistoryLoadApi } from '../../workers/history-load/api';
import { WorkerPool } from './worker-pool';

let pool: WorkerPool<HistoryLoadApi> | null = null;

/** Generous: a 500 MB export parses in well under a minute, but a slow disk or a busy tab may not. */
const timeoutMs = (bytes: number) => 120_000 + (bytes / 1e6) * 2_000;

export const parseInWorker: HistoryLoadApi['parse'] = (file, fileName, onProgress, onBatch) => {
  pool ??= new WorkerPool<HistoryLoadApi>(() => new Worker(new URL('../../workers/history-load/history-load.worker.ts', import.meta.url), { type: 'module' }), 1);
  return pool.run((api) => api.parse(file, fileName, onProgress, onBatch), timeoutMs(file.size));
};
