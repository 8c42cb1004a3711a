// Worker side of history-parse-chromium.ts: parse the file it is handed and post the timing back.
import { history } from '../../workers/history/history';

self.onmessage = async (e: MessageEvent<{ file: File; mode: 'batched' | 'collected' }>) => {
  const { file, mode } = e.data;
  const t0 = performance.now();
  let delivered = 0;
  try {
    const out = await history.parse(file, file.name, undefined, mode === 'batched' ? (b) => { delivered += b.listens.length; } : undefined);
    const o = out[0]!;
    if (!o.ok) return postMessage({ error: o.error });
    if (mode === 'collected') delivered = o.listens.length;
    postMessage({ seconds: (performance.now() - t0) / 1000, rows: o.summary.rowsRead, rowsKept: o.summary.rowsKept, delivered });
  } catch (err) {
    postMessage({ error: String(err) });
  }
};
