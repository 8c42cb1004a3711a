// Opens the lakehouse: one DuckDB-WASM database file in OPFS, migrated on open. This module and
// its siblings are the only code that imports @duckdb/duckdb-wasm.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { asyncClient } from './async-client';
import { migrate } from './migrate';
import { openWhenFree } from './open-when-free';
import type { SqlClient } from './sql-client';

export const DATABASE_FILE = 'wolfie.duckdb';

export interface Lakehouse {
  /** The writer connection: pipeline runs and person-made changes. */
  sql: SqlClient;
  /** A second connection for pages: it sees only committed data and never joins a run's transaction. */
  read: SqlClient;
  /** Make every committed write durable in the OPFS file (DuckDB-WASM loses the WAL on an unclean close). */
  checkpoint(): Promise<void>;
  /** Where the data lives, for the settings page. */
  storage: 'opfs' | 'memory';
  close(): Promise<void>;
}

let opening: Promise<Lakehouse> | undefined;

/** The lazily opened singleton. Call only while holding the writer lock (platform/tab-lock.ts). */
export function openLakehouse(): Promise<Lakehouse> {
  opening ??= open();
  return opening;
}

async function open(): Promise<Lakehouse> {
  // Only the exception-handling build ships: every browser with OPFS also has WASM exceptions,
  // and one 34 MB module instead of two halves what the service worker must cache.
  // User Timing marks of each phase: the first-run benchmark reads them to explain a cold start.
  performance.mark('wolfie:db-start');
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(ehWasm);
  performance.mark('wolfie:db-instantiated');
  const storage = (await opfsAvailable()) ? 'opfs' : 'memory';
  if (storage === 'opfs') {
    await openWhenFree(() => db.open({ path: `opfs://${DATABASE_FILE}`, accessMode: duckdb.DuckDBAccessMode.READ_WRITE }));
  } else {
    await db.open({});
  }
  performance.mark('wolfie:db-opened');
  const conn = await db.connect();
  const readConn = await db.connect();
  const sql = asyncClient(db, conn);
  await migrate(sql);
  performance.mark('wolfie:db-migrated');
  const checkpoint = async () => {
    if (storage === 'opfs') await sql.exec('CHECKPOINT');
  };
  await checkpoint();
  performance.mark('wolfie:db-ready');
  return {
    sql,
    read: asyncClient(db, readConn),
    storage,
    checkpoint,
    async close() {
      await checkpoint().catch(() => undefined);
      await conn.close();
      await readConn.close();
      await db.terminate();
      opening = undefined;
    },
  };
}

async function opfsAvailable(): Promise<boolean> {
  try {
    await navigator.storage.getDirectory();
    return true;
  } catch {
    return false;
  }
}
