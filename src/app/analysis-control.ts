// The analysis worker pool and the person's Pause/Resume of analysis, shared by every run.
import { createSignal } from 'solid-js';
import type { AnalysisApi } from '../../workers/analysis/api';
import { WorkerPool } from '../pipeline/worker-pool';

let pool: WorkerPool<AnalysisApi> | null = null;
const [paused, setPaused] = createSignal(false);
let resumeWaiters: (() => void)[] = [];

export const analysisPaused = paused;

export function pauseAnalysis(): void {
  setPaused(true);
}

export function resumeAnalysis(): void {
  setPaused(false);
  const waiters = resumeWaiters;
  resumeWaiters = [];
  for (const w of waiters) w();
}

/** What runIngest needs to analyse: the pool (one worker per core) and the pause gate. */
export function analysisOptions() {
  pool ??= new WorkerPool<AnalysisApi>(() => new Worker(new URL('../../workers/analysis/analysis.worker.ts', import.meta.url), { type: 'module' }));
  return {
    pool,
    whenNotPaused: (): Promise<void> => (paused() ? new Promise((resolve) => resumeWaiters.push(resolve)) : Promise.resolve()),
  };
}
