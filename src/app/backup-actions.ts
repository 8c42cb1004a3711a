// What Settings' Backup section does apart from its markup: export (optionally sealed) to a
// download, which only reads (one consistent snapshot on the read connection) and then records
// its audit line through a command; and step 1 of a restore, checking the chosen file, which
// changes nothing. Step 2, the restore itself, is the claiming command commands/settings.ts.
import { version as appVersion } from '../../package.json';
import { exportBackup } from '../lakehouse/backup/backup-export';
import { readBackup, unzipBackup, type ValidBackup } from '../lakehouse/backup/backup-read';
import { isSealed, seal, unseal } from '../platform/crypto';
import { downloadBlob } from '../platform/download';
import type { CommandContext } from './commands/context';
import { recordBackupExport, type ExportSummary } from './commands/settings';

export type { ExportSummary };

export async function exportToDownload(ctx: CommandContext, passphrase: string): Promise<ExportSummary> {
  const started = performance.now();
  // Pages' reads share the read connection; the export reads one snapshot inside its own transaction.
  const { zip, manifest } = await exportBackup((await ctx.lakehouse()).read, { appVersion });
  const encrypted = passphrase.length > 0;
  const bytes = encrypted ? await seal(zip, passphrase) : zip;
  const day = new Date().toISOString().slice(0, 10);
  const fileName = `wolfie-backup-${day}${encrypted ? '-encrypted' : ''}.zip`;
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const summary = { fileName, bytes: bytes.length, tables: manifest.tables.length, rows, seconds: (performance.now() - started) / 1000, encrypted };
  await recordBackupExport(ctx, summary); // a failure is told by the command; the file is written either way
  return summary;
}

export class PassphraseNeeded extends Error {
  constructor() {
    super('This backup is encrypted: type its passphrase in "Backup passphrase" and choose the file again. Nothing was changed.');
  }
}

/** Step 1: decrypt and check the whole file. Throws with the reason; changes nothing. */
export async function checkBackupFile(file: File, passphrase: string): Promise<ValidBackup> {
  let entries = unzipBackup(new Uint8Array(await file.arrayBuffer()));
  if (isSealed(entries)) {
    if (!passphrase) throw new PassphraseNeeded();
    entries = unzipBackup(await unseal(entries, passphrase));
  }
  return readBackup(entries);
}
