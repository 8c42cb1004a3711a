// A storage failure (the origin's quota is full, an OPFS write or sync failed) is the person's to
// fix, unlike a bug: recognise it in an engine message and say what to do next.
import { hasRoomFor } from '../platform/storage';

// Chromium's OPFS says "No space available for this operation" when a write passes the quota.
const QUOTA = /quota|QuotaExceeded|no space left|no space available|disk is full|storage is full|ENOSPC/i;
const WRITE = /IO Error|I\/O error|opfs|NotReadableError|NoModificationAllowedError|could not (write|sync|truncate|open)/i;
/**
 * The engine itself stopped. DuckDB-WASM 1.32 does not catch an OPFS write the browser refuses
 * (runtime_browser.ts writeFile): the QuotaExceededError is thrown through the WASM engine,
 * which aborts, and its abort handler recurses until the JS stack overflows. What reaches us is
 * a RangeError "Maximum call stack size exceeded" with the quota error lost.
 */
const ENGINE_STOPPED = /Maximum call stack size exceeded|Aborted\(|RuntimeError|unreachable|memory access out of bounds|engine stopped/i;

/** Advice for a storage error message, or null when the message is about something else. */
export function storageAdvice(message: string): string | null {
  // After an abort the engine's state is unusable until the page (and its worker) starts again.
  const again = ENGINE_STOPPED.test(message) ? 'reload the page and run again' : 'run again';
  if (QUOTA.test(message)) {
    return `The browser has no room left for Wolfie's database: free disk space, remove old snapshots (Pipeline, keep fewer gold snapshots), or export a backup (Settings) and clear other sites' data (browser settings, Privacy, Site data), then ${again}. Everything committed before this step is kept.`;
  }
  if (WRITE.test(message)) {
    return "Writing to the browser's storage failed: close other Wolfie tabs, check free disk space, reload the page and run again. Everything committed before this step is kept.";
  }
  if (ENGINE_STOPPED.test(message)) {
    return 'Reload the page so the database engine starts afresh, then run again. Everything committed before this step is kept.';
  }
  return null;
}

/**
 * What an engine error means for the person. A message that says the engine stopped (not what
 * failed) is checked against the browser's storage: with no room left it was the quota, the one
 * cause that is the person's to fix. `hasRoom` is the browser probe; tests pass their own.
 */
export async function explainEngineError(message: string, hasRoom: () => Promise<boolean | null> = hasRoomFor): Promise<string> {
  // Chromium's own words for a refused OPFS write, which reach us when the engine did not stop.
  if (/no space available/i.test(message) && !/^Storage is full/.test(message)) return `Storage is full: the browser refused a write to the database (${message.replace(/[.\s]+$/, '')})`;
  if (!ENGINE_STOPPED.test(message) || QUOTA.test(message)) return message;
  if ((await hasRoom().catch(() => null)) === false) return 'Storage is full: the browser refused a write to the database and the database engine stopped';
  return `The database engine stopped unexpectedly (${message.replace(/[.\s]+$/, '')})`;
}

/** A message followed by its storage advice, when there is any. */
export function withStorageAdvice(message: string): string {
  const advice = storageAdvice(message);
  return advice ? `${message.replace(/[.\s]+$/, '')}. ${advice}` : message;
}
