// /pipeline's reads: the runs, one run's steps (with the run's start, for the timeline) and logs,
// the kept gold snapshots with how many are kept, and a comparison of two snapshots.
import { compareSnapshots, keepCount, listSnapshots, type SnapshotDiff } from '../../lakehouse/backup/snapshots';
import { recentRuns, runLogs as logsOf } from '../../lakehouse/queries/observability';
import { stepTimeline } from '../../lakehouse/runs/run-views';
import { defineRead } from '../live/read';

export const runs = defineRead(['meta.runs'], recentRuns);
export const runSteps = defineRead(['meta.run_steps', 'meta.runs'], (sql, runId: number) => stepTimeline(sql, runId));
export const runLogs = defineRead(['meta.logs'], (sql, runId: number) => logsOf(sql, runId));

export const snapshots = defineRead(['meta.snapshots', 'meta.runs'], listSnapshots);
export const snapshotKeepCount = defineRead(['meta.settings'], keepCount);

/** Snapshot `a` against `b`; a pair that cannot be compared is a result with the reason. */
export const snapshotComparison = defineRead(['snap.*'], async (sql, pair: { a: number; b: number }): Promise<{ rows: SnapshotDiff[]; error: string | null }> => {
  try {
    return { rows: await compareSnapshots(sql, pair.a, pair.b), error: null };
  } catch (e) {
    return { rows: [], error: `Could not compare snapshots ${pair.a} and ${pair.b}: ${e instanceof Error ? e.message : String(e)}` };
  }
});
