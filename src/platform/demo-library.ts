// The bundled demo library (public/demo/): fetched from the app's own origin and handed over as
// an ordinary FolderListing, so it goes through the same pipeline as a folder a person chooses.
import type { FolderListing } from './folder-source';

interface DemoManifest {
  root: string;
  last_modified_ms: number;
  files: { path: string; license: string; size_bytes: number }[];
  history: string[];
}

const BASE = `${import.meta.env.BASE_URL}demo/`;

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(BASE + encodeURI(path)); // names have spaces
  if (!response.ok) throw new Error(`the demo file ${path} could not be loaded (HTTP ${response.status})`);
  return response;
}

async function manifest(): Promise<DemoManifest> {
  return (await (await fetchOk('index.json')).json()) as DemoManifest;
}

/** Downloads the demo tracks (same origin, cached offline after the first time) as a listing under "Wolfie demo/". */
export async function demoListing(onProgress?: (done: number, total: number) => void): Promise<FolderListing> {
  const m = await manifest();
  let done = 0;
  const files = await Promise.all(
    m.files.map(async (f) => {
      const blob = await (await fetchOk(f.path)).blob();
      onProgress?.(++done, m.files.length);
      const name = f.path.split('/').pop()!;
      // A fixed lastModified: trying the demo again finds every file unchanged and reads nothing.
      return { path: `${m.root}/${name}`, file: new File([blob], name, { type: 'audio/ogg', lastModified: m.last_modified_ms }) };
    }),
  );
  return { root: m.root, files, skipped: [], handle: null };
}

/**
 * Hook for the demo listening history (public/demo/history/, named in index.json's `history`):
 * returned as Files for the history import to read. Empty until that history is added.
 */
export async function demoHistoryFiles(): Promise<File[]> {
  const m = await manifest();
  return Promise.all(m.history.map(async (p) => new File([await (await fetchOk(p)).blob()], p.split('/').pop()!)));
}

/** SHA-256 of each demo history file (what the import records), so removing the demo removes its listens too. */
export async function demoHistoryFingerprints(): Promise<string[]> {
  return Promise.all(
    (await demoHistoryFiles()).map(async (f) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await f.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join(''),
    ),
  );
}
