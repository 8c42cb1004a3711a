// A tag correction as a recorded run: one step writes the corrections in one transaction, then
// the incremental rebuild bronze -> gold re-derives only the corrected files' rows, through the
// snapshot and its checks, so gold and every page show the correction at once. A failing rebuild
// leaves the published gold as it was; the stored corrections reach gold at the next run.
import type { CheckedEdit } from '../domain/tag-corrections';
import type { Lakehouse } from '../lakehouse/engine/db';
import { writeTagCorrections, type CorrectionTarget } from '../lakehouse/runs/tag-corrections';
import { runChange } from './change-run';

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
  const run = await runChange(lake, {
    kind: 'correct',
    source: null,
    step: 'correct_tags',
    apply: (runId) => writeTagCorrections(lake.sql, runId, target, edits),
    counter: 'files_changed',
    summary: (files) => `Corrected tags of ${files} file${files === 1 ? '' : 's'} (the files are not written)`,
    onApplied: opts.onWritten,
  });
  return { runId: run.runId, state: run.state, files: run.files, written: run.applied, error: run.error };
}
