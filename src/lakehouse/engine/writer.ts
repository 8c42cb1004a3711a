// The writer connection shared by runs and commands, one session per flow. A session takes the
// connection for each statement, or for the whole of a transaction, and gives it back after:
// a rating during an ingest waits for the batch being loaded (milliseconds), then runs between
// two of the run's transactions. It can never join the run's open transaction, which the
// connection's own nesting rule (a transaction call inside a transaction runs inline) would allow
// when two flows share one client: the browser has no async context to tell the flows apart.
import type { Row, SqlClient, TransactionMode } from './sql-client';

export interface Writer {
  /** A client for one flow (a run, a command); its nested calls inside its own transaction run inline. */
  session(): SqlClient;
  /** CHECKPOINT between transactions (inside one it would fail and doom the transaction). */
  checkpoint(): Promise<void>;
}

export function createWriter(base: SqlClient, checkpointSql = 'CHECKPOINT'): Writer {
  let tail: Promise<void> = Promise.resolve();
  /** FIFO mutex: resolves with the release function once every earlier holder released. */
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = tail;
    tail = tail.then(() => held);
    return before.then(() => release);
  };

  const session = (): SqlClient => {
    let holding = 0;
    const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
      if (holding > 0) return work(); // this flow already holds it (inside its own transaction)
      const release = await acquire();
      holding++;
      try {
        return await work();
      } finally {
        holding--;
        release();
      }
    };
    return {
      query: <T extends Row>(sql: string, params?: readonly unknown[]) => exclusive(() => base.query<T>(sql, params)),
      exec: (sql: string) => exclusive(() => base.exec(sql)),
      insertArrowIpc: (table: string, ipc: Uint8Array) => exclusive(() => base.insertArrowIpc(table, ipc)),
      transaction: <T>(work: () => Promise<T>, mode?: TransactionMode) => exclusive(() => base.transaction(work, mode)),
    };
  };

  const own = session();
  return { session, checkpoint: () => own.exec(checkpointSql) };
}

