// Turns the three ways a browser hands over a folder into one list of (relative path, file):
// a FileSystemDirectoryHandle (picker or drop), a dropped legacy entry, or an <input webkitdirectory>.
// Every file found is either listed for reading or kept among the skipped, with its reason.
import { HIDDEN_FOLDER, needsContentCheck, skipReason, type SkipReason } from '../domain/formats';

export interface FoundFile {
  path: string; // '/'-separated, first segment is the chosen folder's name
  file: File;
  /** A name without an extension: read only if its first bytes are audio (pipeline/scan-files.ts settleByContent). */
  byContent?: true;
}

export interface SkippedFile extends SkipReason {
  path: string;
  /** Null for a hidden folder, left out unread. Its size is read in the run's scan step (see scan-files.ts). */
  file: File | null;
}

export interface FolderListing {
  root: string;
  files: FoundFile[];
  /** Files (and hidden folders) that are not read, each with why. */
  skipped: SkippedFile[];
  /** Kept so Rescan can read the folder again without asking (Chromium only). */
  handle: FileSystemDirectoryHandle | null;
}

function emptyListing(root: string, handle: FileSystemDirectoryHandle | null): FolderListing {
  return { root, files: [], skipped: [], handle };
}

function admit(listing: FolderListing, path: string, file: () => Promise<File> | File): Promise<void> | void {
  const reason = skipReason(path);
  const place = (got: File) => {
    if (needsContentCheck(path, reason)) listing.files.push({ path, file: got, byContent: true });
    else if (reason) listing.skipped.push({ path, file: got, ...reason });
    else listing.files.push({ path, file: got });
  };
  const f = file();
  if (f instanceof File) place(f);
  else return f.then(place);
}

const skipFolder = (listing: FolderListing, path: string) => listing.skipped.push({ path, file: null, ...HIDDEN_FOLDER });

export async function listDirectoryHandle(handle: FileSystemDirectoryHandle, onFound?: (n: number) => void): Promise<FolderListing> {
  const listing = emptyListing(handle.name, handle);
  const walk = async (dir: FileSystemDirectoryHandle, prefix: string): Promise<void> => {
    const pending: Promise<void>[] = [];
    for await (const entry of (dir as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
      const path = `${prefix}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (entry.name.startsWith('.')) skipFolder(listing, path);
        else pending.push(walk(entry as FileSystemDirectoryHandle, path));
      } else {
        const p = admit(listing, path, () => (entry as FileSystemFileHandle).getFile());
        if (p) pending.push(p);
      }
    }
    await Promise.all(pending);
    onFound?.(listing.files.length);
  };
  await walk(handle, handle.name);
  return listing;
}

/** From <input type=file webkitdirectory>: every file carries its webkitRelativePath. */
export function listFileList(files: FileList | File[]): FolderListing {
  const all = Array.from(files);
  const root = all[0]?.webkitRelativePath?.split('/')[0] || 'Music';
  const listing = emptyListing(root, null);
  for (const file of all) admit(listing, file.webkitRelativePath || `${root}/${file.name}`, () => file);
  return listing;
}

/** From a drop: prefer real handles (they can be kept for Rescan), else the legacy entries API. */
export async function listDataTransfer(items: DataTransferItemList): Promise<FolderListing | null> {
  // Both calls must happen synchronously inside the drop event; the list is emptied afterwards.
  const dropped = Array.from(items).filter((i) => i.kind === 'file');
  const handles = dropped.map((i) =>
    'getAsFileSystemHandle' in i ? (i as unknown as { getAsFileSystemHandle(): Promise<FileSystemHandle | null> }).getAsFileSystemHandle() : null,
  );
  const entries = dropped.map((i) => i.webkitGetAsEntry());
  for (const h of handles) {
    const handle = await h?.catch(() => null);
    if (handle?.kind === 'directory') return listDirectoryHandle(handle as FileSystemDirectoryHandle);
  }
  const dir = entries.find((e): e is FileSystemDirectoryEntry => !!e?.isDirectory);
  return dir ? listLegacyEntry(dir) : null;
}

async function listLegacyEntry(root: FileSystemDirectoryEntry): Promise<FolderListing> {
  const listing = emptyListing(root.name, null);
  const readAll = (dir: FileSystemDirectoryEntry) =>
    new Promise<FileSystemEntry[]>((resolve, reject) => {
      const reader = dir.createReader();
      const out: FileSystemEntry[] = [];
      // readEntries returns at most 100 entries per call: call until it returns none.
      const more = () => reader.readEntries((batch) => (batch.length ? (out.push(...batch), more()) : resolve(out)), reject);
      more();
    });
  const walk = async (dir: FileSystemDirectoryEntry, prefix: string): Promise<void> => {
    const pending: Promise<void>[] = [];
    for (const entry of await readAll(dir)) {
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory) {
        if (entry.name.startsWith('.')) skipFolder(listing, path);
        else pending.push(walk(entry as FileSystemDirectoryEntry, path));
      } else {
        const p = admit(listing, path, () => new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej)));
        if (p) pending.push(p);
      }
    }
    await Promise.all(pending);
  };
  await walk(root, root.name);
  return listing;
}
