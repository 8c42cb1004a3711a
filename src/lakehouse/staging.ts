// Batch loading through a short-lived staging table: rows go in as one Arrow IPC stream, then
// set-based SQL moves them where they belong, then the staging table is dropped.
import { ipcFromRows, type ColumnKind, type SqlClient } from './sql-client';

let counter = 0;

export async function withStaged<R extends object, T>(
  sql: SqlClient,
  rows: readonly R[],
  columns: Record<string, ColumnKind>,
  use: (table: string) => Promise<T>,
): Promise<T> {
  const table = `main.stage_${Date.now().toString(36)}_${counter++}`;
  await sql.insertArrowIpc(table, ipcFromRows(rows, columns));
  try {
    return await use(table);
  } finally {
    await sql.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}
