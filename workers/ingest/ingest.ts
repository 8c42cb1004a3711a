// Reads tags for a batch of files, a few at a time so file I/O overlaps parsing.
import type { FileToRead, IngestApi, TagRecord } from './api';
import { fingerprint } from './fingerprint';
import { readTags } from './tags';

const CONCURRENCY = 4;

export const ingest = {
  async readTags(files: FileToRead[]): Promise<TagRecord[]> {
    const out: TagRecord[] = new Array(files.length);
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const i = next++;
        out[i] = await readOne(files[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, lane));
    return out;
  },
} satisfies IngestApi;

async function readOne({ path, file }: FileToRead): Promise<TagRecord> {
  const print = await fingerprint(file).catch(() => null);
  return { ...(await readTags(path, file)), fingerprint: print };
}
