// Reading a backup .zip before anything changes: the manifest, every checksum, row counts and
// columns are checked here, so restore either has a backup it can load whole or a reason to refuse.
import { strFromU8, unzipSync } from 'fflate';
import { parquetMetadata } from 'hyparquet';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_SCHEMAS, sequenceDdl, sha256Hex, type Manifest } from './backup-format';
import { SCHEMA_VERSION } from '../engine/migrate';
import { ident } from '../engine/sql-client';

/** A backup that will not be restored; the message says why, and that nothing was changed. */
export class BackupRefused extends Error {
  constructor(reason: string) {
    super(`${reason} Nothing was changed.`);
  }
}

export interface ValidBackup {
  manifest: Manifest;
  files: Record<string, Uint8Array>;
}

/** Entry names of a zip, or a refusal when the bytes are not a readable zip. */
export function unzipBackup(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new BackupRefused(`This file is not a Wolfie backup: it is not a readable .zip (${error instanceof Error ? error.message : String(error)}).`);
  }
}

export async function readBackup(files: Record<string, Uint8Array>): Promise<ValidBackup> {
  const raw = files['manifest.json'];
  if (!raw) throw new BackupRefused('This .zip is not a Wolfie backup: it has no manifest.json.');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(strFromU8(raw)) as Manifest;
  } catch {
    throw new BackupRefused('The backup\'s manifest.json is damaged (not valid JSON).');
  }
  if (manifest.format !== BACKUP_FORMAT || !Array.isArray(manifest.tables)) throw new BackupRefused('This .zip is not a Wolfie backup (unknown manifest format).');
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupRefused(`This backup was written in a newer backup format (${manifest.formatVersion}); update Wolfie to restore it.`);
  }
  if (!Number.isInteger(manifest.schemaVersion) || manifest.schemaVersion > SCHEMA_VERSION) {
    throw new BackupRefused(
      `This backup comes from a newer version of Wolfie (schema ${manifest.schemaVersion}, this app knows ${SCHEMA_VERSION}). Reload to get the latest version, then restore again.`,
    );
  }
  const seen = new Set<string>();
  for (const t of manifest.tables) {
    const where = `${t.schema}.${t.name}`;
    if (!(BACKUP_SCHEMAS as readonly string[]).includes(t.schema) || seen.has(where)) throw new BackupRefused(`The backup lists an unexpected table ${JSON.stringify(where)}.`);
    seen.add(where);
    try {
      ident(where);
      t.columns.forEach((c) => ident(c.name));
    } catch (error) {
      throw new BackupRefused(`The backup's table ${where} has an invalid name (${error instanceof Error ? error.message : String(error)}).`);
    }
    // The DDL is executed on restore: it must be exactly one CREATE TABLE of this very table.
    const head = new RegExp(`^CREATE TABLE "?${t.schema}"?\\."?${t.name}"?\\s*\\(`, 'i');
    if (!head.test(t.ddl)) throw new BackupRefused(`The backup's definition of ${where} is not a plain CREATE TABLE.`);
    const bytes = files[t.file];
    if (!bytes) throw new BackupRefused(`The backup is incomplete: ${t.file} (table ${where}) is missing.`);
    if ((await sha256Hex(bytes)) !== t.sha256) throw new BackupRefused(`The backup is damaged: the checksum of ${where} (${t.file}) does not match its manifest.`);
    checkParquet(bytes, t.rows, t.columns.map((c) => c.name), where);
  }
  for (const v of manifest.views ?? []) {
    if (!(BACKUP_SCHEMAS as readonly string[]).includes(v.schema) || !/^CREATE VIEW /i.test(v.ddl)) throw new BackupRefused(`The backup's view ${v.schema}.${v.name} is not a plain CREATE VIEW.`);
  }
  for (const q of manifest.sequences ?? []) {
    try {
      if (!(BACKUP_SCHEMAS as readonly string[]).includes(q.schema)) throw new Error('unexpected schema');
      sequenceDdl(q);
    } catch (error) {
      throw new BackupRefused(`The backup's sequence ${q.schema}.${q.name} is invalid (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  return { manifest, files };
}

function checkParquet(bytes: Uint8Array, rows: number, columns: string[], where: string): void {
  let meta;
  try {
    meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new BackupRefused(`The backup's Parquet file for ${where} cannot be read (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (Number(meta.num_rows) !== rows) throw new BackupRefused(`The backup's ${where} has ${meta.num_rows} rows but its manifest says ${rows}.`);
  const names = topLevelNames(meta.schema);
  if (names.join(',') !== columns.join(',')) throw new BackupRefused(`The backup's ${where} has columns (${names.join(', ')}) that differ from its manifest.`);
}

/** The root's direct children, walking num_children so LIST groups count once. */
function topLevelNames(schema: { name: string; num_children?: number }[]): string[] {
  const names: string[] = [];
  let i = 1;
  const skip = (at: number): number => {
    let next = at + 1;
    for (let k = 0; k < (schema[at]?.num_children ?? 0); k++) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    names.push(schema[i]!.name);
    i = skip(i);
  }
  return names;
}
