// The one query interface the rest of the lakehouse code is written against. The browser
// (AsyncDuckDB on OPFS, db.ts) and the Node tests (blocking duckdb-wasm) both implement it,
// so migrations, models and loaders run unchanged in both.
import { Binary, Bool, Float64, Table, Utf8, tableToIPC, type DataType, type Vector } from 'apache-arrow';
import { vectorWithoutEval } from './arrow-vector';

export type Row = Record<string, unknown>;
export type TransactionMode = 'read-write' | 'read-only';

export const BEGIN: Record<TransactionMode, string> = { 'read-write': 'BEGIN TRANSACTION', 'read-only': 'BEGIN TRANSACTION READ ONLY' };

export interface SqlClient {
  /**
   * Run one statement; values are bound to `?` placeholders, never spliced into the text. With
   * `params` (even empty) the statement is prepared, which also refuses several statements at once.
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Run a script of several statements (migrations, models). */
  exec(sql: string): Promise<void>;
  /** Create `table` (a new name) from an Arrow IPC stream. */
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  /**
   * Run `work` in one transaction; concurrent callers are serialised (one transaction per
   * connection). 'read-only' makes the engine itself refuse every write, and always rolls back.
   */
  transaction<T>(work: () => Promise<T>, mode?: TransactionMode): Promise<T>;
}

/**
 * The one transaction protocol of both clients (browser and Node): callers are serialised, a
 * nested call runs inline, and a transaction in which any statement failed is rolled back and
 * refused even when `work` caught that failure. DuckDB itself would end such a transaction at
 * COMMIT by silently discarding everything in it (after, say, a caught CHECKPOINT error), so a
 * command would report a change that was never kept.
 */
export function createTransactions(run: (statement: string) => Promise<unknown>) {
  let queue: Promise<unknown> = Promise.resolve();
  let inTransaction = false;
  let failure: unknown = null;
  return {
    /** Wrap every statement the client runs: a failure inside a transaction dooms it. */
    async guard<T>(statement: () => Promise<T>): Promise<T> {
      try {
        return await statement();
      } catch (error) {
        if (inTransaction) failure ??= error;
        throw error;
      }
    },
    transaction<T>(work: () => Promise<T>, mode: TransactionMode = 'read-write'): Promise<T> {
      if (inTransaction) return work();
      const result = queue.then(async () => {
        inTransaction = true;
        failure = null;
        await run(BEGIN[mode]);
        try {
          const value = await work();
          if (failure) {
            const message = failure instanceof Error ? failure.message : String(failure);
            throw new Error(`Nothing was kept: a statement of this transaction failed (${message.split('\n')[0]})`, { cause: failure });
          }
          await run(mode === 'read-only' ? 'ROLLBACK' : 'COMMIT');
          return value;
        } catch (error) {
          await run('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          inTransaction = false;
          failure = null;
        }
      });
      queue = result.catch(() => undefined);
      return result;
    },
  };
}

/** Arrow values to plain JS: BIGINT to number (our counts and ms times fit), rows to objects. */
export function rowsFromArrow<T extends Row>(table: Table): T[] {
  const out: T[] = [];
  const fields = table.schema.fields.map((f) => f.name);
  for (const batch of table.batches) {
    const columns = fields.map((name) => batch.getChild(name));
    for (let i = 0; i < batch.numRows; i++) {
      const row: Row = {};
      fields.forEach((name, c) => {
        row[name] = plain(columns[c]?.get(i));
      });
      out.push(row as T);
    }
  }
  return out;
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return value;
  if (value !== null && typeof value === 'object' && 'toArray' in value && typeof value.toArray === 'function') {
    return Array.from(value.toArray() as ArrayLike<unknown>, plain);
  }
  return value;
}

export type ColumnKind = 'text' | 'float' | 'int' | 'bool' | 'blob';

/**
 * Column-oriented Arrow IPC for a batch of rows: one staging table per batch, then one
 * INSERT ... SELECT with explicit casts. Far faster than one INSERT per row.
 */
export function ipcFromRows<R extends object>(rows: readonly R[], columns: Record<string, ColumnKind>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, kind] of Object.entries(columns)) {
    const values = rows.map((r) => coerce((r as Record<string, unknown>)[name], kind));
    vectors[name] = vectorWithoutEval(values, arrowType(kind)); // the CSP forbids Arrow's eval
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function arrowType(kind: ColumnKind): DataType {
  if (kind === 'text') return new Utf8();
  if (kind === 'bool') return new Bool();
  if (kind === 'blob') return new Binary();
  return new Float64(); // ints are cast to BIGINT/INTEGER by the INSERT that reads the staging table
}

function coerce(value: unknown, kind: ColumnKind): unknown {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'float':
    case 'int': {
      const n = Number(value);
      return Number.isFinite(n) ? (kind === 'int' ? Math.trunc(n) : n) : null;
    }
    case 'bool':
      return Boolean(value);
    case 'blob':
      return value instanceof Uint8Array ? value : null;
  }
}

/** Double-quoted identifier from an allow-list caller; refuses anything that is not a plain name. */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/i.test(name)) throw new Error(`Refusing identifier ${JSON.stringify(name)}`);
  return name
    .split('.')
    .map((p) => `"${p}"`)
    .join('.');
}
