// "Remove from library" as a run: tombstone the tracks' files (raw.removed_files keeps rescans
// from reading them back), then rebuild to gold.
import type { Lakehouse } from '../lakehouse/engine/db';
import { removeTrackFiles } from '../lakehouse/runs/removed-files';
import type { RunResult } from './ingest-run';
import { runRemoval } from './removal-run';

export function runRemoveTracks(lake: Lakehouse, trackIds: readonly string[]): Promise<RunResult> {
  return runRemoval(lake, {
    kind: 'remove',
    source: null,
    step: 'remove_tracks',
    remove: (runId) => removeTrackFiles(lake.sql, runId, trackIds),
    summary: (files) => `Removed from the library: ${trackIds.length} tracks, ${files} files (the files stay on disk)`,
  });
}
