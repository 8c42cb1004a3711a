// Shared bits for the history import tests: where the real samples are, and a parse of bytes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../support/corpus';
import type { ImportOutcome } from '../../workers/history/api';
import { history } from '../../workers/history/history';

export const HISTORY_CORPUS = join(CORPUS, 'history');
export const hasHistoryCorpus = existsSync(HISTORY_CORPUS);
if (!hasHistoryCorpus) console.warn(`[skip] history corpus not found at ${HISTORY_CORPUS}: corpus tests are skipped`);

export const sample = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(join(HISTORY_CORPUS, name)));

export const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

export function parseBytes(bytes: Uint8Array | string, fileName = 'upload.bin'): Promise<ImportOutcome[]> {
  const data = typeof bytes === 'string' ? text(bytes) : new Uint8Array(bytes); // a copy owns a plain ArrayBuffer, as BlobPart wants
  return history.parse(new Blob([data]), fileName);
}

export async function parseOne(bytes: Uint8Array | string, fileName = 'upload.bin'): Promise<ImportOutcome> {
  const out = await parseBytes(bytes, fileName);
  if (out.length !== 1) throw new Error(`expected one outcome, got ${out.length}`);
  return out[0]!;
}

/** The keys a ListenRecord may carry: personal fields must never appear among them. */
export const LISTEN_KEYS = [
  'source', 'sourceRowId', 'playedAtMs', 'msPlayed', 'artist', 'title', 'album', 'skipped', 'reasonStart',
  'reasonEnd', 'shuffle', 'timestampSuspect', 'sourceTrackId', 'offline',
].sort();
