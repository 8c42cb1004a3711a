// SqlClient over an AsyncDuckDB connection (the browser build; DuckDB runs in its own worker).
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { BEGIN, rowsFromArrow, type Row, type SqlClient, type TransactionMode } from './sql-client';

export function asyncClient(db: AsyncDuckDB, conn: AsyncDuckDBConnection): SqlClient {
  let queue: Promise<unknown> = Promise.resolve();
  let inTransaction = false;

  const client: SqlClient = {
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      if (!params) return rowsFromArrow<T>(await conn.query(sql));
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
    transaction<T>(work: () => Promise<T>, mode: TransactionMode = 'read-write'): Promise<T> {
      // Nested calls (a transaction inside a transaction) run inline.
      if (inTransaction) return work();
      const run = queue.then(async () => {
        inTransaction = true;
        await conn.query(BEGIN[mode]);
        try {
          const result = await work();
          await conn.query(mode === 'read-only' ? 'ROLLBACK' : 'COMMIT');
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
