// A removal as a recorded run: one step that tombstones files (and what goes with them) in one
// transaction, then the rebuild bronze -> gold. meta.runs and meta.run_steps record it like every
// other change to the data, and a failure leaves the published gold as it was.
import type { Lakehouse } from '../lakehouse/db';
import { endRun, log, startRun, updateRunCounts, type RunKind } from '../lakehouse/runs';
import { buildLakehouse } from './build-lakehouse';
import type { RunResult } from './ingest-run';
import { createRunContext, failRun } from './run-steps';

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
  const { sql } = lake;
  const runId = await startRun(sql, removal.kind, removal.source);
  const ctx = createRunContext(sql, runId);
  const result: RunResult = { runId, state: 'succeeded', read: 0, failed: 0, analysed: 0, analysisFailed: 0, unchanged: 0, deleted: 0, skipped: 0, unsupported: [], removedKeptOut: 0, notice: null, error: null };
  try {
    result.deleted = await ctx.step(removal.step, async () => {
      const files = await sql.transaction(() => removal.remove(runId));
      await updateRunCounts(sql, runId, { files_deleted: files });
      return { value: files, in: files, out: 0 };
    });
    await buildLakehouse(ctx);
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, removal.summary(result.deleted));
    await lake.checkpoint();
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}
