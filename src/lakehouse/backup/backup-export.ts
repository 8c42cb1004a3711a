// Export backup: every table of the app's schemas as Parquet (written by hyparquet-writer, not
// DuckDB's parquet extension, which would download at run time) plus manifest.json, in one zip.
// Reads run in one READ ONLY transaction, so the backup is one consistent snapshot.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_SCHEMAS, encodingFor, exportExpression, parquetElements, sequenceFromSql, sha256Hex, tableFile,
  type Manifest, type ManifestColumn, type ManifestTable,
} from './backup-format';
import { SCHEMA_VERSION } from '../engine/migrate';
import { ident, type SqlClient } from '../engine/sql-client';

export interface ExportOptions {
  appVersion: string;
  /** Called after each table: tables done, tables in all, the table just written. */
  onProgress?: (done: number, total: number, table: string) => void;
}

export interface ExportedBackup {
  zip: Uint8Array;
  manifest: Manifest;
}

const PAGE_ROWS = 50_000;
const MAX_SAFE = '9007199254740991';
const SCHEMA_LIST = BACKUP_SCHEMAS.map((s) => `'${s}'`).join(', ');

export async function exportBackup(sql: SqlClient, opts: ExportOptions): Promise<ExportedBackup> {
  return sql.transaction(async () => {
    const [version] = await sql.query<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM meta.schema_migrations');
    const tables = await sql.query<{ schema_name: string; table_name: string; sql: string }>(
      `SELECT schema_name, table_name, sql FROM duckdb_tables()
       WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${SCHEMA_LIST}) ORDER BY schema_name, table_name`,
    );
    const views = await sql.query<{ schema_name: string; view_name: string; sql: string }>(
      `SELECT schema_name, view_name, sql FROM duckdb_views()
       WHERE database_name = current_database() AND NOT internal AND NOT temporary AND schema_name IN (${SCHEMA_LIST}) ORDER BY schema_name, view_name`,
    );
    const sequences = await sql.query<{ schema_name: string; sequence_name: string; sql: string }>(
      `SELECT schema_name, sequence_name, sql FROM duckdb_sequences()
       WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${SCHEMA_LIST}) ORDER BY schema_name, sequence_name`,
    );
    const files: Zippable = {};
    const entries: ManifestTable[] = [];
    for (const [i, t] of tables.entries()) {
      const entry = await exportTable(sql, t.schema_name, t.table_name, t.sql, files);
      entries.push(entry);
      opts.onProgress?.(i + 1, tables.length, `${t.schema_name}.${t.table_name}`);
    }
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: opts.appVersion,
      schemaVersion: version?.v ?? SCHEMA_VERSION,
      createdAt: new Date().toISOString(),
      tables: entries,
      views: views.map((v) => ({ schema: v.schema_name, name: v.view_name, ddl: v.sql })),
      sequences: sequences.map((q) => sequenceFromSql(q.schema_name, q.sequence_name, q.sql)),
      notes: [
        'TIMESTAMP columns are Parquet INT64 TIMESTAMP(MICROS, not UTC-adjusted): microseconds since 1970, wall-clock UTC as stored.',
        "Columns with encoding 'text' hold DuckDB's text form of the value and are cast back to their type on restore.",
        'DOUBLE[] columns are Parquet LIST<DOUBLE>; BLOB columns are plain BYTE_ARRAY.',
      ],
    };
    // Stored, not deflated: Parquet pages are already Snappy-compressed.
    files['manifest.json'] = [strToU8(JSON.stringify(manifest, null, 2)), { level: 0 }];
    return { zip: zipSync(files, { level: 0 }), manifest };
  }, 'read-only');
}

async function exportTable(sql: SqlClient, schema: string, name: string, ddl: string, files: Zippable): Promise<ManifestTable> {
  const table = ident(`${schema}.${name}`);
  const described = await sql.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index`,
    [schema, name],
  );
  const columns: ManifestColumn[] = described.map((c) => ({ name: c.column_name, type: c.data_type, encoding: encodingFor(c.data_type) }));
  await demoteInexact(sql, table, columns);
  const data: unknown[][] = columns.map(() => []);
  const [range] = await sql.query<{ lo: number | null; hi: number | null }>(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${table}`);
  const select = columns.map(exportExpression).join(', ');
  // Pages by rowid so a large table never becomes one giant array of row objects.
  for (let lo = range?.lo ?? 0; range?.hi !== null && range?.hi !== undefined && lo <= range.hi; lo += PAGE_ROWS) {
    const rows = await sql.query(`SELECT ${select} FROM ${table} WHERE rowid >= ? AND rowid < ? ORDER BY rowid`, [lo, lo + PAGE_ROWS]);
    for (const row of rows) columns.forEach((c, i) => data[i]!.push(toParquetValue(row[c.name], c)));
  }
  const columnData: ColumnSource[] = columns.map((c, i) => ({ name: c.name, data: data[i]!, nullable: true }));
  const schemaElements = [{ name: 'root', num_children: columns.length }, ...columns.flatMap(parquetElements)];
  const bytes = new Uint8Array(parquetWriteBuffer({ columnData, schema: schemaElements, createdBy: 'wolfie (hyparquet-writer)' }));
  const file = tableFile(schema, name);
  files[file] = [bytes, { level: 0 }];
  return { schema, name, ddl, file, rows: data[0]?.length ?? 0, columns, sha256: await sha256Hex(bytes), bytes: bytes.length };
}

/**
 * Values that would not survive the trip natively go as text instead: BIGINTs beyond 2^53 (the
 * query layer reads numbers) and lists holding NULL elements (Arrow's toArray turns them to 0).
 */
async function demoteInexact(sql: SqlClient, table: string, columns: ManifestColumn[]): Promise<void> {
  const checks = columns.flatMap((c, i) => {
    const col = ident(c.name);
    if (c.encoding === 'int64') return [`bool_or(abs(${col}::HUGEINT) > ${MAX_SAFE}) AS c${i}`];
    if (c.encoding === 'double_list') return [`bool_or(list_count(${col}) < len(${col})) AS c${i}`];
    return [];
  });
  if (!checks.length) return;
  const [flags] = await sql.query(`SELECT ${checks.join(', ')} FROM ${table}`);
  columns.forEach((c, i) => {
    if (flags?.[`c${i}`] === true) c.encoding = 'text';
  });
}

function toParquetValue(value: unknown, c: ManifestColumn): unknown {
  if (value === null || value === undefined) return null;
  if (c.encoding === 'int64' || c.encoding === 'timestamp_us') return BigInt(value as number);
  return value;
}
