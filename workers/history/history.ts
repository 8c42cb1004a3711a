// The listening-history import worker's implementation: reads a Blob as a stream once, detects
// the export from its first bytes, and parses it (or each file in a zip) into records. Runs the
// same in a browser Web Worker and in Node, so tests call it directly.
import { createSHA256, type IHasher } from 'hash-wasm';
import type { HistoryApi, ImportOutcome, ImportProgress, RecordBatch } from './api';
import { FileJob } from './job';
import { ZipJob } from './zip';

/** Report progress at most this often in bytes, so a 500 MB file makes ~100 calls, not 8,000. */
const PROGRESS_STEP_BYTES = 4 * 1024 * 1024;

const isZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function parse(
  file: Blob,
  fileName: string,
  onProgress?: (progress: ImportProgress) => void,
  onBatch?: (batch: RecordBatch) => void | Promise<void>,
): Promise<ImportOutcome[]> {
  let hasher: IHasher;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    hasher = await createSHA256();
    reader = file.stream().getReader();
  } catch (e) {
    return [{ ok: false, fileName, error: `${fileName}: cannot be read (${(e as Error).message})` }];
  }
  const streaming = onBatch !== undefined;
  let job: FileJob | ZipJob | null = null;
  let bytesRead = 0;
  let reported = 0;
  const rows = (): number => (job instanceof ZipJob ? job.rowsRead : (job?.sink.rowsRead ?? 0));
  const report = (): void => onProgress?.({ fileName, bytesRead, bytesTotal: file.size, rowsRead: rows() });
  const deliver = async (batches: RecordBatch[]): Promise<void> => {
    for (const b of batches) await onBatch?.(b);
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length === 0) continue;
      // The first piece decides zip or single file; Blob streams give far more than 4 bytes at once.
      job ??= isZip(value) ? new ZipJob(fileName, hasher, streaming) : new FileJob(fileName, hasher, { skipUnrecognised: false, streaming });
      bytesRead += value.length;
      if (job instanceof ZipJob) job.push(value, false);
      else {
        job.push(value);
        if (!job.live) break; // failed or unreadable: no need to read the rest
      }
      if (streaming) await deliver(job.takeBatches());
      if (bytesRead - reported >= PROGRESS_STEP_BYTES) {
        reported = bytesRead;
        report();
      }
    }
  } catch (e) {
    await reader.cancel().catch(() => {});
    return [{ ok: false, fileName, error: `${fileName}: reading failed after ${bytesRead} bytes (${(e as Error).message})` }];
  }
  if (job === null) return [{ ok: false, fileName, error: `${fileName}: the file is empty` }];
  let outcomes: ImportOutcome[];
  if (job instanceof ZipJob) {
    job.push(new Uint8Array(0), true);
    outcomes = job.finish();
    if (streaming) await deliver(job.takeBatches());
  } else {
    if (!job.live) await reader.cancel().catch(() => {});
    const outcome = job.finish();
    if (streaming) await deliver(job.takeBatches(true));
    outcomes = [outcome ?? { ok: false, fileName, error: `${fileName}: not a recognised export` }];
  }
  report();
  return outcomes;
}

export const history = { parse } satisfies HistoryApi;
