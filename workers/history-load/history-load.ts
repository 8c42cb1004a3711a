// The history-load worker's implementation: runs the history parser here and encodes each batch
// as Arrow IPC before it crosses to the page (by transfer), so the page only forwards bytes to
// DuckDB. Runs the same in Node, so tests call it directly.
import * as Comlink from 'comlink';
import { history } from '../history/history';
import type { EncodedBatch, HistoryLoadApi } from './api';
import { encode, ENTRY_COLUMNS, KeyCache, LISTEN_COLUMNS } from './encode';

export const historyLoad = {
  async parse(file, fileName, onProgress, onBatch) {
    const keys = new KeyCache();
    const send = async (batch: EncodedBatch) => {
      // Transfer marks only matter across a worker boundary; in-process they are harmless.
      await onBatch?.(Comlink.transfer(batch, [batch.ipc.buffer]));
    };
    return history.parse(file, fileName, onProgress, onBatch && (async (b) => {
      if (b.listens.length) await send({ fileName: b.fileName, kind: 'listens', rows: b.listens.length, ipc: encode(b.listens, LISTEN_COLUMNS, keys) });
      if (b.entries.length) await send({ fileName: b.fileName, kind: 'entries', rows: b.entries.length, ipc: encode(b.entries, ENTRY_COLUMNS, keys) });
    }));
  },
} satisfies HistoryLoadApi;
