// A tag correction as a recorded run: one step writes the corrections in one transaction, then
// the incremental rebuild bronze -> gold re-derives only the corrected files' rows, through the
// snapshot and its checks, so gold and every page show the correction at once. A failing rebuild
// leaves the published gold as it was; the stored corrections reach gold at the next run.
import type { CheckedEdit } from '../domain/tag-corrections';
import type { Lakehouse } from '../lakehouse/db';
import { endRun, log, startRun, updateRunCounts } from '../lakehouse/runs';
import { writeTagCorrections, type CorrectionTarget } from '../lakehouse/tag-corrections';
import { buildLakehouse } from './build-lakehouse';
import { createRunContext, failRun } from './run-steps';

export interface CorrectionRunResult {
  runId: number;
  state: 'succeeded' | 'failed';
  /** Files whose corrections were written (each file of a corrected track counts). */
  files: number;
  /** Whether the corrections were stored, also when the rebuild after them failed. */
  written: boolean;
  error: string | null;
}

export interface CorrectionRunOptions {
  /** Called once the corrections are committed, before the rebuild (the command's audit line). */
  onWritten?: (runId: number, files: number) => Promise<void>;
}

export async function runCorrection(
  lake: Pick<Lakehouse, 'sql' | 'checkpoint'>, target: CorrectionTarget, edits: readonly CheckedEdit[], opts: CorrectionRunOptions = {},
): Promise<CorrectionRunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, 'correct', null);
  const ctx = createRunContext(sql, runId);
  const result: CorrectionRunResult = { runId, state: 'succeeded', files: 0, written: false, error: null };
  try {
    result.files = await ctx.step('correct_tags', async () => {
      const files = await sql.transaction(() => writeTagCorrections(sql, runId, target, edits));
      await updateRunCounts(sql, runId, { files_changed: files });
      return { value: files, in: files, out: files };
    });
    result.written = true;
    await opts.onWritten?.(runId, result.files);
    await buildLakehouse(ctx);
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Corrected tags of ${result.files} file${result.files === 1 ? '' : 's'} (the files are not written)`);
    await lake.checkpoint();
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}
