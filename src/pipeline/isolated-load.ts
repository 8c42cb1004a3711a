// Loading so that one row the database refuses costs only that row. A batch that fails is split
// in halves and each half retried, until a refused row is alone; that row is then loaded as its
// failure (the caller says how), so every good row lands and the run goes on. A storage failure
// is never a row's fault and is thrown at once; so is any error that refuses even the failure row.
import { storageAdvice } from './storage-errors';

export async function loadIsolated<R>(
  rows: readonly R[],
  load: (rows: R[]) => Promise<void>,
  asRefused: (row: R, reason: string) => R,
): Promise<{ refused: number }> {
  let refused = 0;
  const attempt = async (part: R[]): Promise<void> => {
    if (!part.length) return;
    try {
      await load(part);
      return;
    } catch (error) {
      if (storageAdvice(error instanceof Error ? error.message : String(error))) throw error;
      if (part.length > 1) {
        const half = Math.ceil(part.length / 2);
        await attempt(part.slice(0, half));
        await attempt(part.slice(half));
        return;
      }
      try {
        await load([asRefused(part[0]!, refusalReason(error))]);
      } catch {
        throw error;
      }
      refused++;
    }
  };
  await attempt([...rows]);
  return { refused };
}

/** The engine's own words, first line only, so a person sees which value and why. */
export function refusalReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
  return `The database refused a value from this file (${message}), so only its path and this reason were kept at this step. The file may be damaged: check it in a tag editor, or re-copy it.`;
}

export interface BatchLoader<R> {
  add(rows: readonly R[]): void;
  /** Rows added since the last flush. */
  readonly pending: number;
  /** Rows refused so far (each loaded as its failure). */
  readonly refused: number;
  /** Loads what was added as one more batch, after the batches before it; resolves when it is in. */
  flush(): Promise<void>;
}

/**
 * Rows collected as a step produces them and loaded in batches, one batch at a time and in order,
 * each through loadIsolated and followed by `afterBatch` (the checkpoint that makes it durable).
 * The step decides when to flush; the last flush's promise reports any failure.
 */
export function createBatchLoader<R>(load: (rows: R[]) => Promise<void>, asRefused: (row: R, reason: string) => R, afterBatch: () => Promise<void>): BatchLoader<R> {
  let pending: R[] = [];
  let flushing = Promise.resolve();
  let refused = 0;
  return {
    add: (rows) => void pending.push(...rows),
    get pending() {
      return pending.length;
    },
    get refused() {
      return refused;
    },
    flush() {
      const batch = pending;
      pending = [];
      flushing = flushing.then(async () => {
        refused += (await loadIsolated(batch, load, asRefused)).refused;
        await afterBatch();
      });
      return flushing;
    },
  };
}
