// Reads of the run history and the catalog, for /pipeline and /catalog.
import catalogSql from '../sql/queries/catalog.sql?raw';
import runLogsSql from '../sql/queries/run_logs.sql?raw';
import runStepsSql from '../sql/queries/run_steps.sql?raw';
import runsRecentSql from '../sql/queries/runs_recent.sql?raw';
import { tableSizes } from '../engine/schema-sizes';
import { ident, type Row, type SqlClient } from '../engine/sql-client';

export const recentRuns = (sql: SqlClient) => sql.query(runsRecentSql);
export const runSteps = (sql: SqlClient, runId: number) => sql.query(runStepsSql, [runId]);
export const runLogs = (sql: SqlClient, runId: number) => sql.query(runLogsSql, [runId]);

const CATALOG_SCHEMAS = ['raw', 'bronze', 'silver', 'gold', 'meta']; // as in sql/queries/catalog.sql

export interface CatalogTable {
  schema: string;
  table: string;
  type: string;
  rows: number;
  /** Room in the database file (whole blocks); null for a view, which stores nothing. */
  bytes: number | null;
  description: string | null;
  columns: { name: string; type: string; description: string | null }[];
}

export async function catalog(sql: SqlClient): Promise<CatalogTable[]> {
  const cols = await sql.query<Row & { schema_name: string; table_name: string; table_type: string; column_name: string; data_type: string; table_description: string | null; column_description: string | null }>(catalogSql);
  const tables = new Map<string, CatalogTable>();
  for (const c of cols) {
    const key = `${c.schema_name}.${c.table_name}`;
    if (!tables.has(key)) tables.set(key, { schema: c.schema_name, table: c.table_name, type: c.table_type, rows: 0, bytes: null, description: c.table_description, columns: [] });
    tables.get(key)!.columns.push({ name: c.column_name, type: c.data_type, description: c.column_description });
  }
  for (const t of tables.values()) {
    // Names come from information_schema and pass the identifier allow-list in ident().
    const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM ${ident(`${t.schema}.${t.table}`)}`);
    t.rows = row?.n ?? 0;
  }
  const { tables: sizes } = await tableSizes(sql, CATALOG_SCHEMAS);
  for (const size of sizes) {
    const t = tables.get(`${size.schema}.${size.table}`);
    if (t && t.type !== 'VIEW') t.bytes = size.bytes;
  }
  return [...tables.values()];
}
