// The backup format: what a Wolfie backup .zip holds and how each DuckDB column type travels
// through Parquet. Export (backup-export.ts) and restore (backup-restore.ts) share these rules,
// so a type is encoded and decoded in one place.
import type { SchemaElement } from 'hyparquet';
import { ident } from '../engine/sql-client';

export const BACKUP_FORMAT = 'wolfie-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Every schema the app writes. snap (gold snapshots) is included: meta.snapshots points at it. */
export const BACKUP_SCHEMAS = ['raw', 'bronze', 'silver', 'gold', 'meta', 'snap'] as const;

/**
 * How a column is stored in Parquet. Native where Parquet has the type; 'text' (DuckDB's own
 * text form, cast back on restore) for anything else, recorded per column in the manifest.
 */
export type ColumnEncoding = 'string' | 'boolean' | 'int32' | 'int64' | 'double' | 'blob' | 'timestamp_us' | 'date_days' | 'double_list' | 'text';

export interface ManifestColumn {
  name: string;
  /** The DuckDB type, as duckdb_columns() names it. */
  type: string;
  encoding: ColumnEncoding;
}

export interface ManifestTable {
  schema: string;
  name: string;
  /** The CREATE TABLE statement, with its constraints (duckdb_tables().sql). */
  ddl: string;
  file: string;
  rows: number;
  columns: ManifestColumn[];
  /** SHA-256 of the Parquet file's bytes, hex. */
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  tables: ManifestTable[];
  views: { schema: string; name: string; ddl: string }[];
  /** Sequences with their next value, so ids continue where the backed-up library stopped. */
  sequences?: ManifestSequence[];
  notes: string[];
}

/** Integers as text: a sequence's bounds reach 2^63, past what a JS number holds. */
export interface ManifestSequence {
  schema: string;
  name: string;
  increment: string;
  min: string;
  max: string;
  start: string;
  cycle: boolean;
}

/** Reads duckdb_sequences().sql, e.g. 'CREATE SEQUENCE x INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START 3 NO CYCLE;'. */
export function sequenceFromSql(schema: string, name: string, sql: string): ManifestSequence {
  const m = /INCREMENT BY (-?\d+) MINVALUE (-?\d+) MAXVALUE (-?\d+) START (-?\d+) (NO )?CYCLE/.exec(sql);
  if (!m) throw new Error(`Cannot read the definition of sequence ${schema}.${name}: ${sql}`);
  return { schema, name, increment: m[1]!, min: m[2]!, max: m[3]!, start: m[4]!, cycle: !m[5] };
}

/** The CREATE SEQUENCE for a manifest entry; every number is checked to be an integer. */
export function sequenceDdl(s: ManifestSequence): string {
  const nums = [s.increment, s.min, s.max, s.start];
  if (!nums.every((n) => /^-?\d{1,19}$/.test(n))) throw new Error(`Sequence ${s.schema}.${s.name} has a bad number`);
  return `CREATE SEQUENCE ${ident(`${s.schema}.${s.name}`)} INCREMENT BY ${s.increment} MINVALUE ${s.min} MAXVALUE ${s.max} START ${s.start} ${s.cycle ? 'CYCLE' : 'NO CYCLE'}`;
}

const INT32_TYPES = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT']);

export function encodingFor(type: string): ColumnEncoding {
  if (type === 'VARCHAR') return 'string';
  if (type === 'BOOLEAN') return 'boolean';
  if (INT32_TYPES.has(type)) return 'int32';
  if (type === 'BIGINT' || type === 'UINTEGER') return 'int64';
  if (type === 'DOUBLE' || type === 'FLOAT') return 'double';
  if (type === 'BLOB') return 'blob';
  if (type === 'TIMESTAMP') return 'timestamp_us';
  if (type === 'DATE') return 'date_days';
  if (type === 'DOUBLE[]' || type === 'FLOAT[]') return 'double_list';
  return 'text';
}

/** The SELECT expression that reads a column in its transport form. */
export function exportExpression(c: ManifestColumn): string {
  const col = ident(c.name);
  switch (c.encoding) {
    case 'timestamp_us':
      return `epoch_us(${col}) AS ${col}`;
    case 'date_days':
      return `(${col} - DATE '1970-01-01') AS ${col}`;
    case 'double_list':
      return `CAST(${col} AS DOUBLE[]) AS ${col}`;
    case 'text':
      return `CAST(${col} AS VARCHAR) AS ${col}`;
    default:
      return col;
  }
}

/**
 * The expression that turns a staged column back into its DuckDB type. `type` is the type of the
 * column DuckDB just created from the backup's DDL, never text taken from the manifest.
 */
export function restoreExpression(c: ManifestColumn, type: string): string {
  const col = ident(c.name);
  switch (c.encoding) {
    case 'timestamp_us':
      return `make_timestamp(CAST(${col} AS BIGINT))`;
    case 'date_days':
      return `CAST(DATE '1970-01-01' + CAST(${col} AS INTEGER) AS DATE)`;
    default:
      return `CAST(${col} AS ${type})`;
  }
}

/** The Parquet schema element(s) for one column; lists are a 3-level LIST group. */
export function parquetElements(c: ManifestColumn): SchemaElement[] {
  const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (c.encoding) {
    case 'string':
    case 'text':
      return [{ ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' }];
    case 'boolean':
      return [{ ...base, type: 'BOOLEAN' }];
    case 'int32':
      return [{ ...base, type: 'INT32' }];
    case 'int64':
      return [{ ...base, type: 'INT64' }];
    case 'double':
      return [{ ...base, type: 'DOUBLE' }];
    case 'blob':
      return [{ ...base, type: 'BYTE_ARRAY' }];
    case 'timestamp_us':
      return [{ ...base, type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } }];
    case 'date_days':
      return [{ ...base, type: 'INT32', converted_type: 'DATE' }];
    case 'double_list':
      return [
        { ...base, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
      ];
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function tableFile(schema: string, name: string): string {
  return `tables/${schema}.${name}.parquet`;
}
