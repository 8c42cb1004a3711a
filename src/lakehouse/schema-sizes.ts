// How much room each schema takes in the database file, for /settings: DuckDB's storage info
// (distinct persistent blocks per table, times the block size) plus estimated row counts.
import { BACKUP_SCHEMAS } from './backup-format';
import { ident, type SqlClient } from './sql-client';

export type SchemaSize = { schema: string; tables: number; rows: number; bytes: number };

export async function schemaSizes(sql: SqlClient): Promise<{ schemas: SchemaSize[]; fileBytes: number | null }> {
  const tables = await sql.query<{ s: string; n: string; rows: number }>(
    `SELECT schema_name AS s, table_name AS n, estimated_size AS rows FROM duckdb_tables()
     WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${BACKUP_SCHEMAS.map((s) => `'${s}'`).join(', ')})`,
  );
  const [db] = await sql.query<{ block_size: number; total_blocks: number }>('SELECT block_size, total_blocks FROM pragma_database_size() WHERE database_name = current_database()');
  const blockSize = db?.block_size || 262_144;
  const out = new Map<string, SchemaSize>();
  for (const t of tables) {
    const [blocks] = await sql.query<{ b: number }>(
      `SELECT count(DISTINCT block_id) AS b FROM pragma_storage_info('${ident(`${t.s}.${t.n}`).replace(/'/g, "''")}') WHERE persistent AND block_id >= 0`,
    ).catch(() => [{ b: 0 }]);
    const entry = out.get(t.s) ?? { schema: t.s, tables: 0, rows: 0, bytes: 0 };
    entry.tables += 1;
    entry.rows += t.rows;
    entry.bytes += (blocks?.b ?? 0) * blockSize;
    out.set(t.s, entry);
  }
  return { schemas: BACKUP_SCHEMAS.map((s) => out.get(s) ?? { schema: s, tables: 0, rows: 0, bytes: 0 }), fileBytes: db?.total_blocks ? db.total_blocks * blockSize : null };
}
