// Batch loading through a short-lived staging table: rows go in as one Arrow IPC stream, then
// set-based SQL moves them where they belong, then the staging table is dropped.
import { ipcFromRows, type ColumnKind, type SqlClient } from '../engine/sql-client';

let counter = 0;

export async function withStaged<R extends object, T>(
  sql: SqlClient,
  rows: readonly R[],
  columns: Record<string, ColumnKind>,
  use: (table: string) => Promise<T>,
): Promise<T> {
  const table = `main.stage_${Date.now().toString(36)}_${counter++}`;
  const drop = `DROP TABLE IF EXISTS ${table}`;
  await sql.insertArrowIpc(table, ipcFromRows(rows, columns));
  let result: T;
  try {
    result = await use(table);
  } catch (error) {
    // In a transaction that failed, DuckDB refuses every statement until ROLLBACK (which drops the
    // table anyway): a failing DROP here would hide the error that says which value was refused.
    await sql.exec(drop).catch(() => undefined);
    throw error;
  }
  await sql.exec(drop);
  return result;
}
