// /sql's reads: the saved queries, and the explorer's query, read-only (engine/read-only.ts).
// A query may read any table, so its result follows every change until another is run.
import { runReadOnly } from '../../lakehouse/engine/read-only';
import type { Row } from '../../lakehouse/engine/sql-client';
import { listSaved } from '../../lakehouse/queries/saved-queries';
import { defineRead } from '../live/read';

export const savedQueries = defineRead(['meta.settings'], listSaved);

/** One press of Run: the text, and which press (running the same text again runs it again). */
export type ExplorerRun = { text: string; press: number };
/** A refused or failing query is a result too: the page shows its reason. */
export type ExplorerResult = { rows: Row[] | null; error: string | null; ms: number };

export const explorerQuery = defineRead<ExplorerResult, ExplorerRun>(['*'], async (sql, { text }) => {
  const t0 = performance.now();
  try {
    const rows = await runReadOnly(sql, text);
    return { rows, error: null, ms: performance.now() - t0 };
  } catch (e) {
    return { rows: null, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
  }
});
