// Restore backup: replaces every table of the app's schemas with a checked backup (backup-read.ts)
// in ONE transaction on the writer connection: a failure anywhere rolls back to the library as it
// was. An older backup is migrated forward inside the same transaction.
import { parquetReadObjects } from 'hyparquet';
import { Binary, Bool, Float64, Table, Utf8, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { vectorWithoutEval } from '../engine/arrow-vector';
import { BACKUP_SCHEMAS, restoreExpression, sequenceDdl, type ManifestColumn, type ManifestTable } from './backup-format';
import { BackupRefused, type ValidBackup } from './backup-read';
import { migrate } from '../engine/migrate';
import { ident, type SqlClient } from '../engine/sql-client';

export interface RestoreResult {
  tables: number;
  rows: number;
  fromSchemaVersion: number;
  migrationsApplied: number[];
}

const CHUNK_ROWS = 20_000;
const SCHEMA_LIST = BACKUP_SCHEMAS.map((s) => `'${s}'`).join(', ');
let stageCounter = 0;

export async function restoreBackup(sql: SqlClient, backup: ValidBackup): Promise<RestoreResult> {
  const { manifest, files } = backup;
  try {
    return await sql.transaction(async () => {
      // This library's audit log is kept across the restore: it records what happened here.
      const kept = await auditAside(sql);
      await dropAppObjects(sql);
      for (const schema of new Set(manifest.tables.map((t) => t.schema))) await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
      for (const q of manifest.sequences ?? []) await sql.exec(sequenceDdl(q)); // before the tables whose DEFAULTs use them
      let rows = 0;
      for (const t of manifest.tables) rows += await loadTable(sql, t, files[t.file]!);
      // A prepared statement refuses a second statement hidden in the DDL text.
      for (const v of manifest.views ?? []) await sql.query(v.ddl, []);
      const { applied } = await migrate(sql);
      if (kept) await mergeAudit(sql, kept);
      return { tables: manifest.tables.length, rows, fromSchemaVersion: manifest.schemaVersion, migrationsApplied: applied };
    });
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    throw new BackupRefused(`The backup could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function dropAppObjects(sql: SqlClient): Promise<void> {
  const views = await sql.query<{ s: string; n: string }>(
    `SELECT schema_name AS s, view_name AS n FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND NOT temporary AND schema_name IN (${SCHEMA_LIST})`,
  );
  for (const v of views) await sql.exec(`DROP VIEW IF EXISTS ${ident(`${v.s}.${v.n}`)}`);
  const tables = await sql.query<{ s: string; n: string }>(
    `SELECT schema_name AS s, table_name AS n FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${SCHEMA_LIST})`,
  );
  for (const t of tables) await sql.exec(`DROP TABLE IF EXISTS ${ident(`${t.s}.${t.n}`)}`);
  const sequences = await sql.query<{ s: string; n: string }>(
    `SELECT schema_name AS s, sequence_name AS n FROM duckdb_sequences() WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${SCHEMA_LIST})`,
  );
  for (const q of sequences) await sql.exec(`DROP SEQUENCE IF EXISTS ${ident(`${q.s}.${q.n}`)}`);
}

async function loadTable(sql: SqlClient, t: ManifestTable, bytes: Uint8Array): Promise<number> {
  await sql.query(t.ddl, []);
  const target = ident(`${t.schema}.${t.name}`);
  const created = await sql.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index`,
    [t.schema, t.name],
  );
  if (created.map((c) => `${c.column_name} ${c.data_type}`).join(', ') !== t.columns.map((c) => `${c.name} ${c.type}`).join(', ')) {
    throw new BackupRefused(`The backup's definition of ${t.schema}.${t.name} does not match its listed columns.`);
  }
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const names = t.columns.map((c) => ident(c.name)).join(', ');
  const select = t.columns.map((c, i) => restoreExpression(c, created[i]!.data_type)).join(', ');
  for (let start = 0; start < t.rows; start += CHUNK_ROWS) {
    const rows = await parquetReadObjects({
      file, rowStart: start, rowEnd: Math.min(t.rows, start + CHUNK_ROWS), utf8: false,
      // Exact values: micro-seconds and days as numbers, not Date objects (which keep only ms).
      parsers: { timestampFromMicroseconds: (v: bigint) => v, dateFromDays: (v: number) => v } as never,
    });
    const stage = `main.restore_stage_${stageCounter++}`;
    await sql.insertArrowIpc(stage, stageIpc(rows, t.columns));
    try {
      await sql.exec(`INSERT INTO ${target} (${names}) SELECT ${select} FROM ${stage}`);
    } finally {
      await sql.exec(`DROP TABLE IF EXISTS ${stage}`);
    }
  }
  const [count] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${target}`);
  if (count?.n !== t.rows) throw new BackupRefused(`Table ${t.schema}.${t.name} loaded ${count?.n} rows where the manifest says ${t.rows}.`);
  return t.rows;
}

/** Column-oriented Arrow IPC of one chunk, typed by each column's transport encoding. */
function stageIpc(rows: Record<string, unknown>[], columns: ManifestColumn[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const [type, convert] = stageType(c);
    vectors[c.name] = vectorWithoutEval(rows.map((r) => (r[c.name] === null || r[c.name] === undefined ? null : convert(r[c.name]))), type);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function stageType(c: ManifestColumn): [DataType, (v: unknown) => unknown] {
  switch (c.encoding) {
    case 'string':
    case 'text':
      return [new Utf8(), (v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v))];
    case 'boolean':
      return [new Bool(), (v) => Boolean(v)];
    case 'blob':
      return [new Binary(), (v) => (v instanceof Uint8Array ? v : new TextEncoder().encode(String(v)))];
    case 'double_list':
      return [new Utf8(), (v) => listText(v as (number | null)[])];
    default:
      // Integers, micro-second times and days are all below 2^53 (export checked), so Float64 is exact.
      return [new Float64(), (v) => Number(v)];
  }
}

/** DuckDB's list literal for a DOUBLE[]; String(n) is the shortest text that reads back to n. */
function listText(values: (number | null)[]): string {
  const one = (n: number | null) =>
    n === null ? 'NULL' : Number.isNaN(n) ? 'nan' : n === Infinity ? 'inf' : n === -Infinity ? '-inf' : Object.is(n, -0) ? '-0.0' : String(n);
  return `[${Array.from(values, one).join(', ')}]`;
}

async function auditAside(sql: SqlClient): Promise<string | null> {
  const [has] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'meta' AND table_name = 'audit_log'`);
  if (!has?.n) return null;
  const name = `main.audit_keep_${stageCounter++}`;
  await sql.exec(`CREATE TABLE ${name} AS SELECT "at", action, details, actor FROM meta.audit_log`);
  return name;
}

/** Both logs, each entry once, numbered again in time order. */
async function mergeAudit(sql: SqlClient, kept: string): Promise<void> {
  await sql.exec(`CREATE TABLE main.audit_merged AS
    SELECT row_number() OVER (ORDER BY "at", action, details) AS audit_id, "at", action, details, actor
    FROM (SELECT "at", action, details, actor FROM meta.audit_log UNION SELECT "at", action, details, actor FROM ${kept});
    DELETE FROM meta.audit_log;
    INSERT INTO meta.audit_log (audit_id, "at", action, details, actor) SELECT audit_id, "at", action, details, actor FROM main.audit_merged;
    DROP TABLE main.audit_merged; DROP TABLE ${kept};`);
}
