// Keeps the chosen folder's handle in IndexedDB so Rescan can read it again after a reload,
// asking the browser for permission again when it wants that.
import { openDB, type IDBPDatabase } from 'idb';

const DB_NAME = 'wolfie-handles';
const STORE = 'folders';
let dbPromise: Promise<IDBPDatabase> | undefined;

function db() {
  dbPromise ??= openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore(STORE) });
  return dbPromise;
}

export async function saveFolderHandle(handle: FileSystemDirectoryHandle): Promise<void> {
  await (await db()).put(STORE, handle, 'library');
}

export async function loadFolderHandle(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return ((await (await db()).get(STORE, 'library')) as FileSystemDirectoryHandle | undefined) ?? null;
  } catch {
    return null;
  }
}

type PermissionedHandle = FileSystemDirectoryHandle & {
  queryPermission?(d: { mode: 'read' }): Promise<PermissionState>;
  requestPermission?(d: { mode: 'read' }): Promise<PermissionState>;
};

/** True when the folder can be read now; may show the browser's prompt (needs a user gesture). */
export async function ensureReadPermission(handle: FileSystemDirectoryHandle): Promise<boolean> {
  const h = handle as PermissionedHandle;
  if (!h.queryPermission) return true;
  if ((await h.queryPermission({ mode: 'read' })) === 'granted') return true;
  return (await h.requestPermission?.({ mode: 'read' })) === 'granted';
}
