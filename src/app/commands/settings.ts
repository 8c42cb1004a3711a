// Settings' writes: restore a backup (claims the lakehouse, so no run starts mid-restore, and
// announces that everything changed), the audit lines of an export and of the persistence
// request, and "bring back removed files". Each change and its audit line are one transaction.
import { countOf } from '../../domain/format-number';
import type { ValidBackup } from '../../lakehouse/backup/backup-read';
import { restoreBackup as restoreBackupTables, type RestoreResult } from '../../lakehouse/backup/backup-restore';
import { bringBackRemovedFiles } from '../../lakehouse/runs/removed-files';
import { defineCommand, type Outcome } from './command';
import type { CommandContext } from './context';
import { refreshAllInteractions } from './interactions';

const restoreBackupCommand = defineCommand({
  action: 'restore-backup',
  changes: ['*'],
  guard: { claim: 'Restoring the library from a backup' },
  failure: 'The backup was not restored',
  async apply(sql, backup: ValidBackup, fileName: string): Promise<{ value: RestoreResult & { line: string }; audit: null }> {
    // The restore keeps this library's audit log and merges the backup's into it; this line follows.
    const result = await restoreBackupTables(sql, backup);
    const migrated = result.migrationsApplied.length ? `, migrated from schema ${result.fromSchemaVersion}` : '';
    return { value: { ...result, line: `${fileName} (created ${backup.manifest.createdAt}): ${result.tables} tables, ${result.rows} rows${migrated}` }, audit: null };
  },
});

/**
 * The restore's audit line, in a transaction and checkpoint of its own after the restore's: a
 * WAL holding the restore (every table dropped and created again) must not outlive the restore,
 * and a first checkpoint after it left one behind that DuckDB could not replay at the next start
 * ("Schema with name meta already exists"); the second, after a small commit, clears it.
 */
const recordRestore = defineCommand({
  action: 'restore-backup',
  changes: ['meta.audit_log'],
  guard: 'queue',
  failure: 'The backup was restored, but the audit log could not record it',
  apply: async (_sql, line: string) => ({ value: undefined, audit: line }),
});

/**
 * Replaces every table with the checked backup's (backup-actions.ts checks the file first), then
 * derives the backup's ratings and plays into its gold again (a backup written before they were
 * gold at once holds older figures). That second step is a command of its own: a failure there
 * leaves the restore standing, and the next run derives the same rows.
 */
export async function restoreBackup(ctx: CommandContext, backup: ValidBackup, fileName: string): Promise<Outcome<RestoreResult>> {
  const restored = await restoreBackupCommand(ctx, backup, fileName);
  if (!restored.ok) return restored;
  await recordRestore(ctx, restored.value.line);
  await refreshAllInteractions(ctx);
  const { line: _line, ...result } = restored.value;
  return { ok: true, value: result };
}

export interface ExportSummary {
  fileName: string;
  bytes: number;
  tables: number;
  rows: number;
  seconds: number;
  encrypted: boolean;
}

/** An export reads only; what it wrote to the person's disk is recorded here. */
export const recordBackupExport = defineCommand({
  action: 'export-backup',
  changes: [],
  guard: 'queue',
  failure: 'The backup was written, but the audit log could not record it',
  async apply(_sql, s: ExportSummary) {
    return { value: undefined, audit: `${s.fileName}: ${s.tables} tables, ${s.rows} rows, ${s.bytes} bytes${s.encrypted ? ', encrypted' : ''}` };
  },
});

/** The browser answered the request for persistent storage: the answer is recorded. */
export const recordPersistenceAnswer = defineCommand({
  action: 'storage',
  changes: [],
  guard: 'queue',
  failure: 'The audit log could not record the answer',
  async apply(_sql, granted: boolean) {
    return { value: undefined, audit: `Asked for persistent storage: ${granted ? 'granted' : 'declined'}` };
  },
});

/** Forgets every removal: the next rescan of each folder reads those files again. Resolves to how many. */
export const bringBackRemoved = defineCommand({
  action: 'restore-tracks',
  changes: ['raw.removed_files'],
  guard: 'queue',
  failure: 'The removed files could not be brought back',
  async apply(sql) {
    const n = await bringBackRemovedFiles(sql);
    return { value: n, audit: n ? `Brought back ${countOf(n, 'removed file')}: the next rescan reads them again` : null };
  },
});
