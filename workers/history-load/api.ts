// Contract of the history-load worker: the history parser's records, with their match keys,
// encoded as Arrow IPC in the worker and transferred (not copied) to the page, which hands the
// bytes straight to DuckDB. src/ imports this file with `import type` only.
import type { ImportOutcome, ImportProgress } from '../history/api';

export type { ImportOutcome, ImportProgress, ImportSummary, RejectedRecord } from '../history/api';

/** One batch of one file's kept records as an Arrow IPC stream; columns as in STAGE_COLUMNS (encode.ts). */
export interface EncodedBatch {
  fileName: string; // a zip delivers several files' batches in turn
  kind: 'listens' | 'entries';
  rows: number;
  ipc: Uint8Array;
}

export interface HistoryLoadApi {
  /** Parse one export (or a zip of several); batches arrive as they are cut, each awaited before the next. */
  parse(
    file: Blob,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
    onBatch?: (batch: EncodedBatch) => void | Promise<void>,
  ): Promise<ImportOutcome[]>;
}
