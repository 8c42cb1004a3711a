// The change feed: commands and runs announce the tables they changed once their work is
// committed; live reads (use-live.ts) name the tables they read and re-run only when one of them
// changed (Actual's LiveQuery is the model). Names are `schema.table`; `schema.*` stands for every
// table of a schema, and `*` for all (a restore replaces everything).
import { createSignal, type Accessor } from 'solid-js';

export type TableName = string;

/** Whether a change to `changed` touches a read of `read`; either side may be a `schema.*` or `*`. */
export function touches(read: TableName, changed: TableName): boolean {
  if (read === '*' || changed === '*' || read === changed) return true;
  const [rs, rt] = read.split('.');
  const [cs, ct] = changed.split('.');
  return rs === cs && (rt === '*' || ct === '*');
}

export interface ChangeFeed {
  announce(tables: readonly TableName[]): void;
  /** A signal that moves when one of `tables` changes; reading it inside a tracking scope subscribes. */
  version(tables: readonly TableName[]): number;
  /** How many announcements so far (tests and the latency bench wait on it). */
  count: Accessor<number>;
}

export function createChangeFeed(): ChangeFeed {
  // One signal per distinct list of read tables, so an announcement wakes only the reads it touches.
  const watched = new Map<string, { tables: readonly TableName[]; get: Accessor<number>; bump: () => void }>();
  const [count, setCount] = createSignal(0);
  return {
    announce(tables) {
      for (const w of watched.values()) if (w.tables.some((r) => tables.some((c) => touches(r, c)))) w.bump();
      setCount((n) => n + 1);
    },
    version(tables) {
      const key = [...tables].sort().join(',');
      let w = watched.get(key);
      if (!w) {
        const [get, set] = createSignal(0);
        w = { tables, get, bump: () => set((n) => n + 1) };
        watched.set(key, w);
      }
      return w.get();
    },
    count,
  };
}

/** What a whole run may change: every layer it builds and the run history. */
export const RUN_CHANGES: readonly TableName[] = ['raw.*', 'bronze.*', 'silver.*', 'gold.*', 'meta.*', 'snap.*'];
