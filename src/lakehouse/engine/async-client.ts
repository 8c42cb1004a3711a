// SqlClient over an AsyncDuckDB connection (the browser build; DuckDB runs in its own worker).
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { createTransactions, rowsFromArrow, type Row, type SqlClient, type TransactionMode } from './sql-client';

export function asyncClient(db: AsyncDuckDB, conn: AsyncDuckDBConnection): SqlClient {
  const tx = createTransactions((statement) => conn.query(statement));

  const client: SqlClient = {
    query<T extends Row>(sql: string, params?: readonly unknown[]) {
      return tx.guard(async () => {
        if (!params) return rowsFromArrow<T>(await conn.query(sql));
        const stmt = await conn.prepare(sql);
        try {
          return rowsFromArrow<T>(await stmt.query(...params));
        } finally {
          await stmt.close();
        }
      });
    },
    exec(sql: string) {
      return tx.guard(async () => void (await conn.query(sql)));
    },
    insertArrowIpc(table: string, ipc: Uint8Array) {
      const [schema, name] = table.includes('.') ? table.split('.') : ['main', table];
      return tx.guard(async () => void (await conn.insertArrowFromIPCStream(ipc, { name: name!, schema: schema!, create: true })));
    },
    transaction<T>(work: () => Promise<T>, mode: TransactionMode = 'read-write'): Promise<T> {
      return tx.transaction(work, mode);
    },
  };
  void db;
  return client;
}
