// What the Backup section does, apart from its markup: export (optionally sealed) to a download,
// and a restore in two steps (check the file, then replace after the person confirms).
import { version as appVersion } from '../../../../package.json';
import { recordAudit } from '../../../lakehouse/runs/audit';
import { exportBackup } from '../../../lakehouse/backup/backup-export';
import { readBackup, unzipBackup, type ValidBackup } from '../../../lakehouse/backup/backup-read';
import { restoreBackup, type RestoreResult } from '../../../lakehouse/backup/backup-restore';
import type { Lakehouse } from '../../../lakehouse/engine/db';
import { isSealed, seal, unseal } from '../../../platform/crypto';
import { downloadBlob } from '../../../platform/download';

export interface ExportSummary {
  fileName: string;
  bytes: number;
  tables: number;
  rows: number;
  seconds: number;
  encrypted: boolean;
}

export async function exportToDownload(lake: Lakehouse, passphrase: string): Promise<ExportSummary> {
  const started = performance.now();
  // Pages' reads share the read connection; the export reads one snapshot inside its own transaction.
  const { zip, manifest } = await exportBackup(lake.read, { appVersion });
  const encrypted = passphrase.length > 0;
  const bytes = encrypted ? await seal(zip, passphrase) : zip;
  const day = new Date().toISOString().slice(0, 10);
  const fileName = `wolfie-backup-${day}${encrypted ? '-encrypted' : ''}.zip`;
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const summary = { fileName, bytes: bytes.length, tables: manifest.tables.length, rows, seconds: (performance.now() - started) / 1000, encrypted };
  await recordAudit(lake.sql, 'export-backup', `${fileName}: ${summary.tables} tables, ${rows} rows, ${bytes.length} bytes${encrypted ? ', encrypted' : ''}`);
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

/** Step 2, after confirmation: replace the lakehouse, make it durable, and record it. */
export async function replaceFromBackup(lake: Lakehouse, backup: ValidBackup, fileName: string): Promise<RestoreResult> {
  const result = await restoreBackup(lake.sql, backup);
  await lake.checkpoint();
  const migrated = result.migrationsApplied.length ? `, migrated from schema ${result.fromSchemaVersion}` : '';
  await recordAudit(lake.sql, 'restore-backup', `${fileName} (created ${backup.manifest.createdAt}): ${result.tables} tables, ${result.rows} rows${migrated}`);
  return result;
}
