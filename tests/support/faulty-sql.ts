// A SqlClient that fails like a full or broken disk on a chosen call of a chosen run step: the
// storage-fault tests inject a quota error or an OPFS write error mid-step into the real engine.
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';

export type Method = 'query' | 'exec' | 'insertArrowIpc' | 'checkpoint';

export interface Fault {
  step: string;
  method: Method;
  /** Fail the nth matching call within the step (1-based). */
  nth: number;
  /** Only calls whose SQL text or table name matches count (default: every call of `method`). */
  matching?: RegExp;
  error: Error;
}

/** Wraps `inner`; the current step is read from the run machinery's own INSERT INTO meta.run_steps. */
export function faultyClient(inner: SqlClient, fault: Fault | null) {
  let step = '';
  let seen = 0;
  let fired = 0;
  const check = (method: Method, text: string) => {
    if (!fault || fired || step !== fault.step || method !== fault.method) return;
    if (fault.matching && !fault.matching.test(text)) return;
    if (++seen === fault.nth) {
      fired++;
      throw fault.error;
    }
  };
  const sql: SqlClient = {
    async query(text, params) {
      if (/INSERT INTO meta\.run_steps/.test(text) && params) step = String(params[1]);
      check('query', text);
      return inner.query(text, params);
    },
    async exec(text) {
      check('exec', text);
      return inner.exec(text);
    },
    async insertArrowIpc(table, ipc) {
      check('insertArrowIpc', table);
      return inner.insertArrowIpc(table, ipc);
    },
    transaction: (work, mode) => inner.transaction(work, mode),
  };
  return { sql, checkpoint: async () => check('checkpoint', 'CHECKPOINT'), fired: () => fired };
}

/** What DuckDB-WASM reports when an OPFS write hits the origin's quota, and when a write fails. */
export const quotaError = () => new Error('IO Error: Could not write file "opfs://wolfie.duckdb": QuotaExceededError: The operation failed because it would cause the application to exceed its storage quota.');
export const opfsWriteError = () => new Error('IO Error: Could not write file "opfs://wolfie.duckdb": InvalidStateError: An operation that depends on state cached in an interface object was made but the state had changed since it was read from disk.');
