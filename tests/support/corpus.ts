// Locates ../shared/corpus and lists files in it; tests skip with a printed reason when it is absent.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const CORPUS = resolve(__dirname, '../../../shared/corpus');
export const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`[skip] shared corpus not found at ${CORPUS}: corpus tests are skipped`);

/** Every file under dir, recursively, as absolute paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out.sort();
}

export function relativeTo(base: string, file: string): string {
  return relative(base, file).split('\\').join('/');
}
