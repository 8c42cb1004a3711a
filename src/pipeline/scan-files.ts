// Size and modification time of every listed file, read without freezing the page. A File from
// <input webkitdirectory> has no cached metadata: Chromium fetches it from the browser process
// synchronously on each access (~0.3 ms), so reading 50,000 in one loop blocked the main thread
// for 18 s (tests/bench/scale.ts). Slices of a few hundred with a yield between keep tasks short.
// Names without an extension are judged here too, by their first bytes.
import { HEAD_BYTES, skipReason } from '../domain/formats';
import type { ScannedFile } from '../lakehouse/runs/inventory';
import type { SkippedFileRow } from '../lakehouse/runs/skipped-files';
import type { FolderListing, FoundFile, SkippedFile } from '../platform/folder-source';

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

async function inSlices<T, R>(items: readonly T[], map: (item: T) => R, onProgress?: (done: number) => void): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    if (i > 0) await yieldToPage();
    for (const item of items.slice(i, i + SLICE)) out.push(map(item));
    onProgress?.(out.length);
  }
  return out;
}

export function statFiles(files: readonly FoundFile[], onProgress?: (done: number) => void): Promise<ScannedFile[]> {
  return inSlices(files, ({ path, file }) => ({ path, size_bytes: file.size, last_modified_ms: file.lastModified }), onProgress);
}

/** The skipped files as rows of raw.skipped_files; their sizes cost the same round trips. */
export function statSkipped(skipped: readonly SkippedFile[]): Promise<SkippedFileRow[]> {
  return inSlices(skipped, (s) => ({ path: s.path, reason_kind: s.kind, reason: s.text, format_name: s.format, size_bytes: s.file?.size ?? null }));
}

/**
 * Judges the listed files whose name says nothing (no extension) by content: one stays when its
 * first bytes are audio (music-metadata would read it), else it joins the skipped. Done inside the
 * run, so choosing a folder starts the run at once, and a listing stays a synchronous list of names.
 */
export async function settleByContent(listing: FolderListing): Promise<FolderListing> {
  if (!listing.files.some((f) => f.byContent)) return listing;
  const files: FoundFile[] = [];
  const skipped = [...listing.skipped];
  await Promise.all(listing.files.map(async (f) => {
    if (!f.byContent) return void files.push(f);
    const head = await f.file.slice(0, HEAD_BYTES).arrayBuffer().then((b) => new Uint8Array(b), () => new Uint8Array(0));
    const reason = skipReason(f.path, head);
    if (reason) skipped.push({ path: f.path, file: f.file, ...reason });
    else files.push({ path: f.path, file: f.file });
  }));
  return { ...listing, files, skipped };
}
