// SqlClient over the blocking Node build of duckdb-wasm: the same engine as the browser, in
// memory, so integration tests run the real migrations and models.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { migrate } from '../../src/lakehouse/engine/migrate';
import { createTransactions, rowsFromArrow, type Row, type SqlClient, type TransactionMode } from '../../src/lakehouse/engine/sql-client';

const require = createRequire(import.meta.url);
// The CJS build: its apache-arrow instance is not ours, so results are read structurally and
// inserts go through Arrow IPC bytes.
const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as typeof import('@duckdb/duckdb-wasm/blocking');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/** In memory, or on the database file at `path` (the schema-evolution fixtures). */
export async function nodeClient(path?: string): Promise<SqlClient & { close(): void }> {
  const db = await duckdb.createDuckDB(
    { mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open(path ? { path, accessMode: duckdb.DuckDBAccessMode.READ_WRITE } : {});
  const conn = db.connect();
  const tx = createTransactions(async (statement) => conn.query(statement));
  const client: SqlClient & { close(): void } = {
    query<T extends Row>(sql: string, params?: readonly unknown[]) {
      return tx.guard(async () => {
        if (!params) return rowsFromArrow<T>(conn.query(sql) as never);
        const stmt = conn.prepare(sql);
        try {
          return rowsFromArrow<T>(stmt.query(...params) as never);
        } finally {
          stmt.close();
        }
      });
    },
    exec(sql: string) {
      return tx.guard(async () => void conn.query(sql));
    },
    insertArrowIpc(table: string, ipc: Uint8Array) {
      const [schema, name] = table.includes('.') ? table.split('.') : ['main', table];
      return tx.guard(async () => void conn.insertArrowFromIPCStream(ipc, { name: name!, schema: schema!, create: true }));
    },
    transaction<T>(work: () => Promise<T>, mode: TransactionMode = 'read-write') {
      return tx.transaction(work, mode);
    },
    close() {
      if (path) conn.query('CHECKPOINT');
      conn.close();
      if (path) db.reset();
    },
  };
  return client;
}

/** A fresh, migrated lakehouse in memory. */
export async function migratedClient() {
  const client = await nodeClient();
  await migrate(client);
  return client;
}
