// Rescan: read the kept folder handle again (asking for permission when the browser wants it);
// without a kept handle (Firefox, Safari, or a folder chosen through the file input) ask for the folder.
import type { useLakehouse } from '../../../app/lakehouse-store';
import { listDirectoryHandle } from '../../../platform/folder-source';
import { ensureReadPermission, loadFolderHandle } from '../../../platform/handle-store';

export async function rescan(actions: ReturnType<typeof useLakehouse>[1]): Promise<void> {
  const handle = await loadFolderHandle();
  if (!handle) {
    actions.toast('info', 'This browser did not keep the folder. Choose it again with "Choose music folder"; only new and changed files are read.');
    return;
  }
  if (!(await ensureReadPermission(handle))) {
    actions.toast('error', `Permission to read "${handle.name}" was not given, so nothing was rescanned. Press Rescan again and allow access.`);
    return;
  }
  try {
    const listing = await listDirectoryHandle(handle);
    void actions.ingest(listing, 'rescan');
  } catch (error) {
    actions.toast('error', `"${handle.name}" could not be read (${error instanceof Error ? error.message : String(error)}). Is the drive connected?`);
  }
}
