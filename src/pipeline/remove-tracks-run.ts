// "Remove from library" as a run: tombstone the tracks' files (raw.removed_files keeps rescans
// from reading them back), then rebuild bronze -> gold, so the removal is recorded in meta.runs
// and meta.run_steps, and a failure leaves the published library as it was.
import type { Lakehouse } from '../lakehouse/db';
import { removeTrackFiles } from '../lakehouse/removed-files';
import { endRun, log, startRun, updateRunCounts } from '../lakehouse/runs';
import { buildLakehouse } from './build-lakehouse';
import type { RunResult } from './ingest-run';
import { createRunContext, failRun } from './run-steps';

export async function runRemoveTracks(lake: Lakehouse, trackIds: readonly string[]): Promise<RunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, 'remove', null);
  const ctx = createRunContext(sql, runId);
  const result: RunResult = { runId, state: 'succeeded', read: 0, failed: 0, analysed: 0, analysisFailed: 0, unchanged: 0, deleted: 0, skipped: 0, removedKeptOut: 0, notice: null, error: null };
  try {
    result.deleted = await ctx.step('remove_tracks', async () => {
      const files = await sql.transaction(() => removeTrackFiles(sql, runId, trackIds));
      await updateRunCounts(sql, runId, { files_deleted: files });
      return { value: files, in: trackIds.length, out: files };
    });
    await buildLakehouse(ctx);
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Removed from the library: ${trackIds.length} tracks, ${result.deleted} files (the files stay on disk)`);
    await lake.checkpoint();
    return result;
  } catch (error) {
    result.state = 'failed';
    result.error = await failRun(lake, runId, error);
    return result;
  }
}
