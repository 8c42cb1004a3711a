// Opens the lakehouse: one DuckDB-WASM database file in OPFS, migrated on open. This module and
// its siblings are the only code that imports @duckdb/duckdb-wasm.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { asyncClient } from './async-client';
import { migrate } from './migrate';
import type { SqlClient } from './sql-client';

export const DATABASE_FILE = 'wolfie.duckdb';

export interface Lakehouse {
  sql: SqlClient;
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
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const storage = (await opfsAvailable()) ? 'opfs' : 'memory';
  if (storage === 'opfs') {
    await db.open({ path: `opfs://${DATABASE_FILE}`, accessMode: duckdb.DuckDBAccessMode.READ_WRITE });
  } else {
    await db.open({});
  }
  const conn = await db.connect();
  const sql = asyncClient(db, conn);
  await migrate(sql);
  const checkpoint = async () => {
    if (storage === 'opfs') await sql.exec('CHECKPOINT');
  };
  await checkpoint();
  return {
    sql,
    storage,
    checkpoint,
    async close() {
      await checkpoint().catch(() => undefined);
      await conn.close();
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
