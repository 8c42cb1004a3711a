// A removal as a recorded change run (change-run.ts): one step tombstones files (and what goes
// with them) in one transaction, then the rebuild publishes; the result in the shape of a scan's.
import type { Lakehouse } from '../lakehouse/engine/db';
import type { RunKind } from '../lakehouse/runs/runs';
import { runChange } from './change-run';
import type { RunResult } from './ingest-run';

export interface Removal {
  kind: RunKind;
  source: string | null;
  step: string;
  /** Tombstones inside the step's transaction; returns how many files it took out. */
  remove: (runId: number) => Promise<number>;
  /** The run's closing log line. */
  summary: (files: number) => string;
}

export async function runRemoval(lake: Lakehouse, removal: Removal): Promise<RunResult> {
  const { runId, state, files, error } = await runChange(lake, { ...removal, apply: removal.remove, counter: 'files_deleted' });
  return { runId, state, read: 0, failed: 0, analysed: 0, analysisFailed: 0, unchanged: 0, deleted: files, skipped: 0, unsupported: [], removedKeptOut: 0, notice: null, error };
}
