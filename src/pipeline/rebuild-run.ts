// "Full rebuild": a run of its own that re-derives bronze, silver and gold whole from raw, with
// the same steps, checks and snapshot as any run. Nothing is re-read from disk.
import type { Lakehouse } from '../lakehouse/engine/db';
import { endRun, log, startRun } from '../lakehouse/runs/runs';
import { buildLakehouse } from './build-lakehouse';
import { createRunContext, failRun } from './run-steps';

export interface RebuildResult {
  runId: number;
  state: 'succeeded' | 'failed';
  error: string | null;
}

export async function runRebuild(lake: Pick<Lakehouse, 'sql' | 'checkpoint'>, full = true): Promise<RebuildResult> {
  const runId = await startRun(lake.sql, 'rebuild', null);
  try {
    await buildLakehouse(createRunContext(lake.sql, runId), { full });
    await endRun(lake.sql, runId, 'succeeded');
    await log(lake.sql, 'info', runId, null, `${full ? 'Full rebuild' : 'Rebuild'} succeeded`);
    await lake.checkpoint();
    return { runId, state: 'succeeded', error: null };
  } catch (error) {
    return { runId, state: 'failed', error: await failRun(lake, runId, error) };
  }
}
