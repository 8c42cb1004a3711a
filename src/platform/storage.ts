// The browser's storage for the library: persistence (so the browser does not evict it), usage
// and quota, a warning before work when room is short, and deleting the OPFS database on reset.
export interface StorageEstimate {
  usageBytes: number;
  quotaBytes: number;
  persisted: boolean;
}

/** Below this much free room (or 10 % of the quota) work starts only after a warning. */
export const LOW_FREE_BYTES = 200 * 1024 * 1024;

export async function storageEstimate(): Promise<StorageEstimate> {
  const e = await navigator.storage?.estimate?.().catch(() => undefined);
  const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
  return { usageBytes: e?.usage ?? 0, quotaBytes: e?.quota ?? 0, persisted };
}

/** A sentence for the person when the free room is short, else null. */
export function lowSpaceWarning(e: StorageEstimate): string | null {
  if (!e.quotaBytes) return null;
  const free = Math.max(0, e.quotaBytes - e.usageBytes);
  if (free >= LOW_FREE_BYTES && free >= e.quotaBytes * 0.1) return null;
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `Storage is nearly full: ${mb(free)} free of ${mb(e.quotaBytes)}. The run may stop with a quota error (your library stays as it was); free space in the browser or remove old snapshots first.`;
}

const PERSIST_ASKED = 'wolfie.persist-asked';

/**
 * Asks once (the first ingest) for persistent storage. Resolves to the browser's answer, or null
 * when it was asked before or the browser has no such API.
 */
export async function askPersistenceOnce(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    if (localStorage.getItem(PERSIST_ASKED)) return null;
    localStorage.setItem(PERSIST_ASKED, new Date().toISOString());
  } catch {
    // No localStorage (private mode): ask every time rather than never.
  }
  if (await navigator.storage.persisted().catch(() => false)) return true;
  return navigator.storage.persist().catch(() => false);
}

export function persistenceAnswer(granted: boolean): string {
  return granted
    ? 'Storage is persistent: the browser will not evict your library.'
    : 'The browser did not make storage persistent yet; it may evict the library under pressure. Installing Wolfie usually changes that (Settings shows the state).';
}

const RESET_PENDING = 'wolfie.reset-pending';

/**
 * Reset library, step 1: remember the request and reload. The running DuckDB worker holds the
 * file's sync access handle (OPFS refuses to delete it), and a reload is the one sure way to let go.
 */
export function requestResetAndReload(): void {
  localStorage.setItem(RESET_PENDING, new Date().toISOString());
  location.reload();
}

/** Step 2, on the next start, after the writer lock and before the database opens. */
export async function resetIfRequested(files: string[]): Promise<void> {
  if (!localStorage.getItem(RESET_PENDING)) return;
  await deleteOpfsFiles(files);
  localStorage.removeItem(RESET_PENDING); // only once the files are gone: a failure retries next start
}

/** Deletes files from the OPFS root; a missing file is fine. */
export async function deleteOpfsFiles(names: string[]): Promise<void> {
  const root = await navigator.storage.getDirectory();
  for (const name of names) {
    await root.removeEntry(name).catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === 'NotFoundError')) throw error;
    });
  }
}

export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /QuotaExceeded|quota|No space left|No space available|ENOSPC/i.test(text);
}

const ROOM_PROBE = 'wolfie-room-probe.tmp';

/**
 * Whether the origin can still store `bytes` more: false when estimate() shows less free room or
 * the browser refuses a probe write with a quota error, null where there is no storage API to
 * ask. The write is the real test: a quota limited by the browser (or DevTools) is not always
 * what estimate() reports.
 */
export async function hasRoomFor(bytes = 1024 * 1024): Promise<boolean | null> {
  const storage = globalThis.navigator?.storage;
  if (!storage) return null;
  const e = await storage.estimate?.().catch(() => undefined);
  if (e?.quota && e.quota - (e.usage ?? 0) < bytes) return false;
  if (!storage.getDirectory) return e?.quota ? true : null;
  let root: FileSystemDirectoryHandle | undefined;
  try {
    root = await storage.getDirectory();
    const out = await (await root.getFileHandle(ROOM_PROBE, { create: true })).createWritable();
    try {
      await out.write(new Uint8Array(bytes));
      await out.close();
    } catch (error) {
      await out.abort().catch(() => undefined);
      throw error;
    }
    return true;
  } catch (error) {
    return isQuotaError(error) ? false : null;
  } finally {
    await root?.removeEntry(ROOM_PROBE).catch(() => undefined);
  }
}

const UNRECORDED_FAILURES = 'wolfie.unrecorded-failures';

/**
 * A failed run whose 'failed' row may not have reached the database file (the write that failed
 * was the storage's): kept in localStorage until the next start records it. No-ops without one.
 */
export function rememberRunFailure(runId: number, error: string): void {
  try {
    localStorage.setItem(UNRECORDED_FAILURES, JSON.stringify({ ...unrecordedRunFailures(), [runId]: error }));
  } catch {
    // No localStorage (Node, private mode): the start-up sweep still says the run was interrupted.
  }
}

export function forgetRunFailures(runIds?: number[]): void {
  try {
    const left = Object.fromEntries(Object.entries(unrecordedRunFailures()).filter(([id]) => runIds && !runIds.includes(Number(id))));
    if (Object.keys(left).length) localStorage.setItem(UNRECORDED_FAILURES, JSON.stringify(left));
    else localStorage.removeItem(UNRECORDED_FAILURES);
  } catch {
    // As above.
  }
}

/** Run id (as text) -> the error to record. */
export function unrecordedRunFailures(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(UNRECORDED_FAILURES) ?? '{}');
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/**
 * The store's one-line hook before a run: warns when room is short (the run still starts; a
 * quota error fails its step with the data intact) and, at the first ingest, asks for persistence
 * without waiting on the browser's answer.
 */
export async function checkStorageBeforeWork(say: (kind: 'info' | 'success', text: string) => void, askPersist: boolean): Promise<void> {
  const warning = lowSpaceWarning(await storageEstimate());
  if (warning) say('info', warning);
  if (askPersist) void askPersistenceOnce().then((granted) => granted !== null && say(granted ? 'success' : 'info', persistenceAnswer(granted)));
}
