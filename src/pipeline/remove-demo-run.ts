// "Remove demo library" as a run: tombstone the demo's files, then rebuild bronze -> gold, so
// the removal is recorded in meta.runs / meta.run_steps like every other change to the data.
import { deleteDemoHistory, tombstoneDemoFiles } from '../lakehouse/demo';
import type { Lakehouse } from '../lakehouse/db';
import { endRun, log, startRun, updateRunCounts } from '../lakehouse/runs';
import { buildLakehouse } from './build-lakehouse';
import type { RunResult } from './ingest-run';
import { createRunContext, failRun } from './run-steps';

export const DEMO_ROOT = 'Wolfie demo';

/** `historyFingerprints`: the demo's own history export files, whose listens go with it. */
export async function runRemoveDemo(lake: Lakehouse, historyFingerprints: string[] = []): Promise<RunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, 'rebuild', DEMO_ROOT);
  const ctx = createRunContext(sql, runId);
  const result: RunResult = { runId, state: 'succeeded', read: 0, failed: 0, analysed: 0, analysisFailed: 0, unchanged: 0, deleted: 0, skipped: 0, removedKeptOut: 0, notice: null, error: null };
  try {
    result.deleted = await ctx.step('remove_demo', async () => {
      const removed = await sql.transaction(async () => {
        await deleteDemoHistory(sql, historyFingerprints);
        return tombstoneDemoFiles(sql, runId);
      });
      await updateRunCounts(sql, runId, { files_deleted: removed });
      return { value: removed, in: removed, out: 0 };
    });
    await buildLakehouse(ctx);
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Demo library removed: ${result.deleted} files`);
    await lake.checkpoint();
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}
