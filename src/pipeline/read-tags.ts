// Dispatches tag reading to the worker pool in small batches. A batch whose worker hangs or
// crashes is retried file by file, so one bad file costs only itself.
import type { FileToRead, IngestApi, TagRecord } from '../../workers/ingest/api';
import { WorkerFailure, type WorkerPool } from './worker-pool';

const BATCH = 16;
const BATCH_TIMEOUT_MS = 60_000;
const SINGLE_TIMEOUT_MS = 20_000;

export async function readAllTags(
  pool: WorkerPool<IngestApi>,
  files: FileToRead[],
  signal: AbortSignal,
  onRecords: (records: TagRecord[]) => void,
): Promise<void> {
  const batches: FileToRead[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  let next = 0;
  const lane = async () => {
    while (next < batches.length && !signal.aborted) {
      const batch = batches[next++]!;
      try {
        onRecords(await pool.run((api) => api.readTags(batch), BATCH_TIMEOUT_MS));
      } catch (error) {
        if (!(error instanceof WorkerFailure)) throw error;
        for (const one of batch) {
          if (signal.aborted) break;
          onRecords(await readSingle(pool, one));
        }
      }
    }
  };
  // Two batches per worker keep every worker busy while results travel back.
  await Promise.all(Array.from({ length: pool.size * 2 }, lane));
}

async function readSingle(pool: WorkerPool<IngestApi>, file: FileToRead): Promise<TagRecord[]> {
  try {
    return await pool.run((api) => api.readTags([file]), SINGLE_TIMEOUT_MS);
  } catch (error) {
    if (!(error instanceof WorkerFailure)) throw error;
    const reason =
      error.kind === 'timeout'
        ? `Reading tags took longer than ${SINGLE_TIMEOUT_MS / 1000} s and was stopped; the file may be damaged.`
        : `The tag reader crashed on this file (${error.message}); the file may be damaged.`;
    return [failedRecord(file.path, reason)];
  }
}

/** A record holding only the file's path and why it has no tags. */
export function failedRecord(path: string, error: string): TagRecord {
  const nulls = {
    fingerprint: null, container: null, codec: null, lossless: null, duration_s: null, sample_rate_hz: null, bitrate_kbps: null,
    channels: null, bits_per_sample: null, artist: null, artists: null, title: null, album: null, album_artist: null, genre: null,
    label: null, year: null, date_text: null, track_no: null, disc_no: null, bpm_tag: null, key_tag: null, rating_tag: null,
    play_count_tag: null, comment: null, common_json: null, native_json: null, warnings: null,
  } satisfies Omit<TagRecord, 'path' | 'reader' | 'error'>;
  return { ...nulls, path, reader: 'wolfie', error };
}
