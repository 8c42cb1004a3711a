// "Remove demo library" as a run: tombstone the demo's files and delete the history imported
// from the demo's own export files, then rebuild to gold.
import { deleteDemoHistory, tombstoneDemoFiles } from '../lakehouse/runs/demo';
import type { Lakehouse } from '../lakehouse/engine/db';
import type { RunResult } from './ingest-run';
import { runRemoval } from './removal-run';

export const DEMO_ROOT = 'Wolfie demo';

/** `historyFingerprints`: the demo's own history export files, whose listens go with it. */
export function runRemoveDemo(lake: Lakehouse, historyFingerprints: string[] = []): Promise<RunResult> {
  return runRemoval(lake, {
    kind: 'rebuild',
    source: DEMO_ROOT,
    step: 'remove_demo',
    remove: async (runId) => {
      await deleteDemoHistory(lake.sql, historyFingerprints);
      return tombstoneDemoFiles(lake.sql, runId);
    },
    summary: (files) => `Demo library removed: ${files} files`,
  });
}
