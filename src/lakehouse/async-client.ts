// SqlClient over an AsyncDuckDB connection (the browser build; DuckDB runs in its own worker).
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { rowsFromArrow, type Row, type SqlClient } from './sql-client';

export function asyncClient(db: AsyncDuckDB, conn: AsyncDuckDBConnection): SqlClient {
  let queue: Promise<unknown> = Promise.resolve();
  let inTransaction = false;

  const client: SqlClient = {
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      if (params.length === 0) return rowsFromArrow<T>(await conn.query(sql));
      const stmt = await conn.prepare(sql);
      try {
        return rowsFromArrow<T>(await stmt.query(...params));
      } finally {
        await stmt.close();
      }
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array) {
      const [schema, name] = table.includes('.') ? table.split('.') : ['main', table];
      await conn.insertArrowFromIPCStream(ipc, { name: name!, schema: schema!, create: true });
    },
    transaction<T>(work: () => Promise<T>): Promise<T> {
      // Nested calls (a transaction inside a transaction) run inline.
      if (inTransaction) return work();
      const run = queue.then(async () => {
        inTransaction = true;
        await conn.query('BEGIN TRANSACTION');
        try {
          const result = await work();
          await conn.query('COMMIT');
          return result;
        } catch (error) {
          await conn.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          inTransaction = false;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  void db;
  return client;
}
