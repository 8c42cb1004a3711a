// A folder "picked" with showDirectoryPicker in a test: the native picker cannot be clicked, so it
// is stubbed to hand over an OPFS folder the test fills (Chromium keeps its handle like a real one).
import type { BrowserContext, Page } from 'playwright-core';

export const PICKED = 'Picked Music';

export async function stubDirectoryPicker(context: BrowserContext): Promise<void> {
  await context.addInitScript((name) => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  }, PICKED);
}

/** Writes (bytes) or deletes (null) files of the picked folder; paths may hold sub-folders. */
export async function writePickedFile(page: Page, path: string, bytes: Uint8Array | null): Promise<void> {
  await page.evaluate(
    async ([root, filePath, base64]) => {
      const parts = filePath.split('/');
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(root, { create: true });
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      if (base64 === null) return dir.removeEntry(parts.at(-1)!);
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    },
    [PICKED, path, bytes ? Buffer.from(bytes).toString('base64') : null] as const,
  );
}
