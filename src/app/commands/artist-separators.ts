// "Artist separators" (issue 16): which separators split one artist credit into co-artists. The
// command keeps the new list with its audit line, then runs an incremental rebuild, in which the
// artist bridge re-splits every credit split with other separators (no file is read again).
import { parseSeparators } from '../../domain/artist-separators';
import { artistSeparators, saveArtistSeparators } from '../../lakehouse/models/artist-separators';
import { recordAudit } from '../../lakehouse/runs/audit';
import { runRebuild } from '../../pipeline/rebuild-run';
import type { CommandContext } from './context';
import { RUN_CHANGES } from '../live/changes';

const shown = (list: readonly string[]) => (list.length ? list.map((s) => `"${s}"`).join(' ') : 'none');

export async function setArtistSeparators(ctx: CommandContext, wanted: readonly string[]): Promise<'succeeded' | 'failed' | 'busy' | 'nothing'> {
  const separators = parseSeparators(wanted.join('\n'));
  const before = await artistSeparators((await ctx.lakehouse()).read);
  if (before.join('\n') === separators.join('\n')) return 'nothing';
  if (!ctx.claim('Splitting artist credits again')) return 'busy';
  const lake = await ctx.writer();
  let outcome: 'succeeded' | 'failed' = 'failed';
  try {
    // One statement, then the audit line in its own transaction and checkpoint (recordAudit's
    // CHECKPOINT inside an open transaction would fail and silently undo the change with it).
    await saveArtistSeparators(lake.sql, separators);
    await recordAudit(lake.sql, 'setting', `Artist separators ${shown(before)} -> ${shown(separators)}`);
    const result = await runRebuild(lake, false);
    ctx.announce(RUN_CHANGES);
    outcome = result.state;
    if (result.state === 'succeeded') ctx.toast('success', `Artist credits now split on ${shown(separators)} (run ${result.runId}).`);
    else ctx.toast('error', `The separators are saved, but the library could not be rebuilt: ${result.error}. They apply at the next run; see Pipeline.`);
    return outcome;
  } finally {
    ctx.release(outcome);
  }
}
