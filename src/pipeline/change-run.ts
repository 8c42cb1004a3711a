// A person's change to the data as a recorded run: one step applies it in one transaction, then
// the rebuild bronze -> gold publishes it through the snapshot and its checks. meta.runs and
// meta.run_steps record it like every other change; a failing rebuild leaves the published gold
// as it was (what the step committed stays, and reaches gold at the next run).
import type { Lakehouse } from '../lakehouse/engine/db';
import { endRun, log, startRun, updateRunCounts, type RunKind } from '../lakehouse/runs/runs';
import { buildLakehouse } from './build-lakehouse';
import { createRunContext, failRun } from './run-steps';

export interface Change {
  kind: RunKind;
  source: string | null;
  step: string;
  /** Applies the change inside the step's transaction; returns how many files it touched. */
  apply: (runId: number) => Promise<number>;
  /** The meta.runs counter those files go to. */
  counter: 'files_deleted' | 'files_changed';
  /** The run's closing log line. */
  summary: (files: number) => string;
  /** Called once the change is committed, before the rebuild (a command's audit line). */
  onApplied?: (runId: number, files: number) => Promise<void>;
}

export interface ChangeRunResult {
  runId: number;
  state: 'succeeded' | 'failed';
  files: number;
  /** Whether the step committed, also when the rebuild after it failed. */
  applied: boolean;
  error: string | null;
}

export async function runChange(lake: Pick<Lakehouse, 'sql' | 'checkpoint'>, change: Change): Promise<ChangeRunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, change.kind, change.source);
  const ctx = createRunContext(sql, runId);
  const result: ChangeRunResult = { runId, state: 'succeeded', files: 0, applied: false, error: null };
  try {
    result.files = await ctx.step(change.step, async () => {
      const files = await sql.transaction(() => change.apply(runId));
      await updateRunCounts(sql, runId, { [change.counter]: files });
      return { value: files, in: files, out: change.counter === 'files_deleted' ? 0 : files };
    });
    result.applied = true;
    await change.onApplied?.(runId, result.files);
    await buildLakehouse(ctx);
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, change.summary(result.files));
    await lake.checkpoint();
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}
