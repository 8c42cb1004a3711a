// Size and modification time of every listed file, read without freezing the page. A File from
// <input webkitdirectory> has no cached metadata: Chromium fetches it from the browser process
// synchronously on each access (~0.3 ms), so reading 50,000 in one loop blocked the main thread
// for 18 s (tests/bench/scale.ts). Slices of a few hundred with a yield between keep tasks short.
import type { ScannedFile } from '../lakehouse/inventory';
import type { FoundFile } from '../platform/folder-source';

const SLICE = 200;

/** A yield that, unlike setTimeout, is not throttled to seconds in a hidden tab. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export async function statFiles(files: readonly FoundFile[], onProgress?: (done: number) => void): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  for (let i = 0; i < files.length; i += SLICE) {
    if (i > 0) await yieldToPage();
    for (const { path, file } of files.slice(i, i + SLICE)) out.push({ path, size_bytes: file.size, last_modified_ms: file.lastModified });
    onProgress?.(out.length);
  }
  return out;
}
