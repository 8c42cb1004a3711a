// Opens a DuckDB database FILE with the Node build of duckdb-wasm (node-db.ts opens only memory),
// so the schema-evolution tests run the real migrations against a file an earlier version wrote.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BEGIN, rowsFromArrow, type Row, type SqlClient } from '../../src/lakehouse/sql-client';

const require = createRequire(import.meta.url);
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof import('@duckdb/duckdb-wasm/blocking');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

export async function openFileDb(path: string): Promise<SqlClient & { close(): Promise<void> }> {
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ path, accessMode: duckdb.DuckDBAccessMode.READ_WRITE });
  const conn = db.connect();
  let inTransaction = false;
  return {
    async query<T extends Row>(sql: string, params?: readonly unknown[]) {
      if (!params) return rowsFromArrow<T>(conn.query(sql) as never);
      const stmt = conn.prepare(sql);
      try {
        return rowsFromArrow<T>(stmt.query(...params) as never);
      } finally {
        stmt.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async insertArrowIpc(table: string, ipc: Uint8Array) {
      const [schema, name] = table.split('.');
      conn.insertArrowFromIPCStream(ipc, { name: name!, schema: schema!, create: true });
    },
    async transaction<T>(work: () => Promise<T>) {
      if (inTransaction) return work();
      inTransaction = true;
      conn.query(BEGIN['read-write']);
      try {
        const result = await work();
        conn.query('COMMIT');
        return result;
      } catch (error) {
        conn.query('ROLLBACK');
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    async close() {
      conn.query('CHECKPOINT');
      conn.close();
      db.reset();
    },
  };
}
