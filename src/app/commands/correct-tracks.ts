// "Edit tags" (issue 16): corrects artist, title, album, genre, label or year of tracks or files.
// Checks the edits, takes the exclusivity guard, and runs the correction as a recorded run (its
// first step writes in one transaction, the audit line follows at once, then the incremental
// rebuild publishes to gold and checkpoints); then pages re-read. The files are never written.
import { checkEdits, describeEdit, type CorrectableField, type TagEdits } from '../../domain/tag-corrections';
import { countOf } from '../../domain/format-number';
import { recordAudit } from '../../lakehouse/runs/audit';
import type { CorrectionTarget } from '../../lakehouse/runs/tag-corrections';
import { runCorrection } from '../../pipeline/correction-run';
import type { CommandContext } from './context';
import { RUN_CHANGES } from '../live/changes';

export type CorrectTracksResult =
  | { state: 'invalid'; errors: Partial<Record<CorrectableField, string>> }
  | { state: 'nothing' } // no edit, or nothing to apply it to
  | { state: 'busy' } // a run holds the lakehouse; the person was told
  | { state: 'succeeded' | 'failed'; runId: number; files: number; error: string | null };

const sentence = (text: string | null) => (text ?? '').replace(/[.\s]+$/, '');

/**
 * `what` names the tracks for the audit line and the messages: a title, or the search that shows them.
 * An invalid edit refuses the whole change before anything is claimed or written.
 */
export async function correctTracks(ctx: CommandContext, target: CorrectionTarget, edits: TagEdits, what: string): Promise<CorrectTracksResult> {
  const checked = checkEdits(edits);
  if (!checked.ok) return { state: 'invalid', errors: checked.errors };
  const tracks = (target.trackIds?.length ?? 0) + (target.paths?.length ?? 0);
  if (!checked.edits.length || !tracks) return { state: 'nothing' };
  if (!ctx.claim(tracks === 1 ? 'Saving your correction' : `Saving your corrections to ${countOf(tracks, 'track')}`)) return { state: 'busy' };
  const change = checked.edits.map(describeEdit).join(', ');
  let outcome: 'succeeded' | 'failed' = 'failed';
  try {
    const lake = await ctx.writer();
    const result = await runCorrection(lake, target, checked.edits, {
      // Durable before the rebuild: a tab closed mid-rebuild keeps the correction and its line.
      onWritten: async (runId, files) => {
        await recordAudit(lake.sql, 'correct-tags', `Corrected ${change} on ${what} (${countOf(files, 'file')}, run ${runId}); the files are not written`);
      },
    });
    if (!result.written) await recordAudit(lake.sql, 'correct-tags', `Correcting ${change} on ${what} failed: ${sentence(result.error)} (run ${result.runId})`);
    outcome = result.state;
    if (result.written) ctx.announce(RUN_CHANGES);
    if (result.state === 'succeeded') ctx.toast('success', `Saved: ${change} (${countOf(result.files, 'file')}). The files themselves are not changed; revert any time.`);
    else if (result.written) ctx.toast('error', `Your correction is saved, but the library could not be updated: ${sentence(result.error)}. It shows after the next rescan or rebuild; see Pipeline.`);
    else ctx.toast('error', `Your correction could not be saved: ${sentence(result.error)}. Nothing was changed; see Pipeline.`);
    return { state: result.state, runId: result.runId, files: result.files, error: result.error };
  } catch (error) {
    ctx.toast('error', `Your correction could not be saved: ${sentence(error instanceof Error ? error.message : String(error))}.`);
    return { state: 'failed', runId: 0, files: 0, error: error instanceof Error ? error.message : String(error) };
  } finally {
    ctx.release(outcome);
  }
}
