// Finds a library track's file for the built-in player: from the files of the last folder listing
// in this session, or else through the folder handle kept in IndexedDB (Chromium), asking for read
// permission again when the browser wants it. Paths are '/'-separated, the folder's name first.
import type { FolderListing } from './folder-source';
import { ensureReadPermission, loadFolderHandle } from './handle-store';

// A webkitdirectory pick or a legacy drop leaves no handle behind: its File objects are the only
// way back to the bytes, and they stay valid for this session.
let lastListing: Map<string, File> | null = null;

export function rememberListing(listing: FolderListing): void {
  lastListing = new Map(listing.files.map((f) => [f.path, f.file]));
}

export class TrackFileUnavailable extends Error {}

/** Must run inside a user gesture (a click on Play): the permission prompt needs one. */
export async function openTrackFile(path: string): Promise<File> {
  const remembered = lastListing?.get(path);
  if (remembered) return remembered;
  const [root, ...parts] = path.split('/');
  const handle = await loadFolderHandle();
  if (!handle || handle.name !== root) {
    throw new TrackFileUnavailable(`Playback needs the music folder "${root}": choose it again on the Library page (Choose music folder) in this session, then press Play.`);
  }
  if (!(await ensureReadPermission(handle))) {
    throw new TrackFileUnavailable(`The browser did not allow reading "${root}". Press Play again and allow access, or choose the folder again on the Library page.`);
  }
  try {
    let dir = handle;
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
    return await (await dir.getFileHandle(parts.at(-1) ?? '')).getFile();
  } catch {
    throw new TrackFileUnavailable(`"${path}" is not in the folder any more (moved, renamed or deleted). Rescan the library to update it.`);
  }
}
