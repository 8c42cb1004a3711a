// How much room each table and schema takes in the database file, for /catalog and /settings:
// DuckDB's storage info (distinct persistent blocks per table, a segment's overflow blocks
// included, times the block size) plus estimated row counts. Blocks are not shared between
// tables, so per-table figures add up to the schema's.
import { BACKUP_SCHEMAS } from '../backup/backup-format';
import { ident, type SqlClient } from './sql-client';

export type SchemaSize = { schema: string; tables: number; rows: number; bytes: number };
export type TableSize = { schema: string; table: string; rows: number; bytes: number };

/** Every base table of `schemas` with its size; views take no room and are not listed. */
export async function tableSizes(sql: SqlClient, schemas: readonly string[] = BACKUP_SCHEMAS): Promise<{ tables: TableSize[]; blockSize: number; fileBytes: number | null }> {
  const allowed = BACKUP_SCHEMAS.filter((s) => schemas.includes(s)); // schema names only from the allow-list
  const tables = await sql.query<{ s: string; n: string; rows: number }>(
    `SELECT schema_name AS s, table_name AS n, estimated_size AS rows FROM duckdb_tables()
     WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${allowed.map((s) => `'${s}'`).join(', ') || "''"})
     ORDER BY schema_name, table_name`,
  );
  const [db] = await sql.query<{ block_size: number; total_blocks: number }>('SELECT block_size, total_blocks FROM pragma_database_size() WHERE database_name = current_database()');
  const blockSize = db?.block_size || 262_144;
  const out: TableSize[] = [];
  for (const t of tables) {
    const name = ident(`${t.s}.${t.n}`).replace(/'/g, "''");
    const [blocks] = await sql.query<{ b: number }>(
      `SELECT count(DISTINCT b) AS b FROM (
         SELECT block_id AS b FROM pragma_storage_info('${name}') WHERE persistent AND block_id >= 0
         UNION ALL
         SELECT unnest(additional_block_ids) AS b FROM pragma_storage_info('${name}') WHERE persistent)`,
    ).catch(() => [{ b: 0 }]);
    out.push({ schema: t.s, table: t.n, rows: t.rows, bytes: (blocks?.b ?? 0) * blockSize });
  }
  return { tables: out, blockSize, fileBytes: db?.total_blocks ? db.total_blocks * blockSize : null };
}

export async function schemaSizes(sql: SqlClient): Promise<{ schemas: SchemaSize[]; fileBytes: number | null }> {
  const { tables, fileBytes } = await tableSizes(sql);
  const out = new Map<string, SchemaSize>();
  for (const t of tables) {
    const entry = out.get(t.schema) ?? { schema: t.schema, tables: 0, rows: 0, bytes: 0 };
    entry.tables += 1;
    entry.rows += t.rows;
    entry.bytes += t.bytes;
    out.set(t.schema, entry);
  }
  return { schemas: BACKUP_SCHEMAS.map((s) => out.get(s) ?? { schema: s, tables: 0, rows: 0, bytes: 0 }), fileBytes };
}
