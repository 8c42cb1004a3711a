// Tag-reading speed in the real app: `npx tsx tests/bench/ingest.ts [folder] [--files N]`.
// Without a folder it builds one of N (default 5000) typical mp3/flac/ogg files by hard-linking
// corpus files under generated names. Prints files, seconds and files/s (goal: >= 300 files/s).
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryOpen, report, startApp } from './support/app-server';
import { queryViaSqlPage } from './support/sql-page';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus');
const SOURCES = [
  ...readdirSync(`${CORPUS}/key`).filter((f) => f.endsWith('.mp3')).map((f) => `${CORPUS}/key/${f}`),
  ...readdirSync(`${CORPUS}/library`).filter((f) => f.endsWith('.ogg')).map((f) => `${CORPUS}/library/${f}`),
  ...readdirSync(`${CORPUS}/tags/music-metadata/flac`).filter((f) => f.endsWith('.flac')).map((f) => `${CORPUS}/tags/music-metadata/flac/${f}`),
  ...['full.mp3', 'full.flac', 'full.ogg'].map((f) => `${CORPUS}/tags/beets/${f}`),
];

function makeFolder(count: number): string {
  const root = `/tmp/wolfie-bench-ingest-${count}/Bench Library`;
  if (existsSync(root) && readdirSync(root).length > 0) return root;
  rmSync(root, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const src = SOURCES[i % SOURCES.length]!;
    const dir = join(root, `Artist ${String(i % 97).padStart(2, '0')}`, `Album ${i % 13}`);
    mkdirSync(dir, { recursive: true });
    linkSync(src, join(dir, `${String(i).padStart(5, '0')} track${src.slice(src.lastIndexOf('.'))}`));
  }
  return root;
}

async function main() {
  const args = process.argv.slice(2);
  const n = Number(args[args.indexOf('--files') + 1]) || 5000;
  const folder = args.find((a) => !a.startsWith('--') && a !== String(n)) ?? makeFolder(n);
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Choose music folder' }).first().waitFor();
    await libraryOpen(page);
    const t0 = Date.now();
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    // Tag reading is what this measures: once the run moves on to audio analysis (issue 3's own
    // benchmark), cancel it; what was read is committed and the step timings are recorded.
    await page.waitForFunction(
      () => {
        const state = document.querySelector('[data-testid="pipeline-status"]')?.getAttribute('data-state');
        return state !== 'running' || /Analysing audio/.test(document.querySelector('.progress')?.textContent ?? '');
      },
      undefined,
      { timeout: 3_600_000, polling: 200 },
    );
    const wallS = (Date.now() - t0) / 1000;
    if (await page.getByRole('button', { name: 'Pause analysis' }).count()) await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="pipeline-status"]')?.getAttribute('data-state') !== 'running', undefined, { timeout: 600_000 });
    if ((await page.getByTestId('pipeline-status').getAttribute('data-state')) === 'failed') throw new Error(`The run failed: ${await page.locator('.toasts').innerText()}`);
    const rows = await queryViaSqlPage(
      page,
      app.url,
      `SELECT step, rows_in, round(epoch(ended_at - started_at), 3) AS s FROM meta.run_steps WHERE run_id = 1 ORDER BY ordinal`,
    );
    if (!rows.length) throw new Error(`No step timings: ${await page.locator('main').innerText()}`);
    const steps = Object.fromEntries(rows.map(([step, rowsIn, s]) => [step, { rows_in: Number(rowsIn), seconds: Number(s) }]));
    const files = steps.read_tags?.rows_in ?? 0;
    const tagSeconds = steps.read_tags?.seconds ?? NaN;
    report(
      'ingest',
      { folder, files, wall_seconds: wallS, read_tags_seconds: tagSeconds, files_per_second_tags: files / tagSeconds, files_per_second_wall: files / wallS, steps, goal_files_per_second: 300 },
      `${files} files; tag reading ${tagSeconds.toFixed(2)} s = ${(files / tagSeconds).toFixed(0)} files/s; choosing the folder to tags in the table ${wallS.toFixed(2)} s = ${(files / wallS).toFixed(0)} files/s (goal >= 300 files/s)`,
    );
  } finally {
    await app.close();
  }
}

void main();
