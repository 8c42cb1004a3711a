// /pipeline's writes: restore a kept gold snapshot (claims the lakehouse, so no run publishes
// mid-restore) and how many snapshots are kept. Each change and its audit line are one transaction.
import { restoreSnapshot as restoreSnapshotTables, setKeepCount as setKeepCountRow } from '../../lakehouse/backup/snapshots';
import { defineCommand, type Outcome } from './command';
import type { CommandContext } from './context';
import { refreshAllInteractions } from './interactions';

const restoreSnapshotCommand = defineCommand({
  action: 'snapshot-restore',
  changes: ['gold.*', 'meta.*'],
  guard: { claim: 'Restoring gold from a snapshot' },
  failure: 'Gold was not restored',
  async apply(sql, runId: number) {
    const tables = await restoreSnapshotTables(sql, runId);
    return { value: tables, audit: `Gold restored from the snapshot of run ${runId}` };
  },
});

/**
 * Puts the snapshot's gold back, then the person's ratings, plays and skips since that run into
 * it again (they are kept in raw and silver, which a snapshot does not hold), as a step of its
 * own: a failure there leaves the restore standing, and the next run derives the same rows.
 * Resolves to the gold tables it replaced.
 */
export async function restoreSnapshot(ctx: CommandContext, runId: number): Promise<Outcome<string[]>> {
  const restored = await restoreSnapshotCommand(ctx, runId);
  if (restored.ok) await refreshAllInteractions(ctx);
  return restored;
}

/** Fewer than before drops the oldest snapshots at once. */
export const setKeepCount = defineCommand({
  action: 'setting',
  changes: ['meta.settings', 'meta.snapshots', 'snap.*'],
  guard: 'queue',
  failure: 'The number of snapshots to keep was not changed',
  async check(_read, n: number) {
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error('Keep between 1 and 100 snapshots');
  },
  async apply(sql, n: number) {
    await setKeepCountRow(sql, n);
    return { value: undefined, audit: `Keep ${n} gold snapshots` };
  },
});
