// Scale (issue 9): `npx tsx tests/bench/scale.ts [--files 50000]`. A library of N tracks (hard
// links of corpus files under generated names, 3 levels of folders) is chosen through the folder
// input of the production build in headless Chromium. Analysing 50,000 files would take hours on
// two cores, so the run is measured through scan, read_tags and the tags publish (tags_bronze ...
// tags_publish: the library is in gold and visible) and the first minute of analysis, then
// cancelled; the cancel path builds the lakehouse again. Reports peak page JS heap, peak renderer
// memory (RSS sum and VmHWM), the longest main-thread task and files/s, as JSON plus a readable line.
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryOpen, report, startApp } from './support/app-server';
import { longTasks, sampleMemory, watchLongTasks } from './support/memory';
import { queryViaSqlPage } from './support/sql-page';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus');
const SOURCES = [
  ...readdirSync(`${CORPUS}/key`).filter((f) => f.endsWith('.mp3')).map((f) => `${CORPUS}/key/${f}`),
  ...readdirSync(`${CORPUS}/library`).filter((f) => f.endsWith('.ogg')).map((f) => `${CORPUS}/library/${f}`),
  ...readdirSync(`${CORPUS}/tags/music-metadata/flac`).filter((f) => f.endsWith('.flac')).map((f) => `${CORPUS}/tags/music-metadata/flac/${f}`),
  ...['full.mp3', 'full.flac', 'full.ogg', 'full.m4a'].map((f) => `${CORPUS}/tags/beets/${f}`),
];

/** Artist/Album/NNNNN Title.ext, ~100 artists x ~20 albums, so folders hold tens of files as real ones do. */
export function makeLibrary(count: number, name = 'Scale Library'): string {
  const root = `/tmp/wolfie-bench-scale-${count}/${name}`;
  if (existsSync(root) && readdirSync(root).length > 0) return root;
  rmSync(root, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const src = SOURCES[i % SOURCES.length]!;
    const dir = join(root, `Artist ${String(i % 101).padStart(3, '0')}`, `Album ${String(Math.floor(i / 101) % 23).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    linkSync(src, join(dir, `${String(i).padStart(5, '0')} Track ${i}${src.slice(src.lastIndexOf('.'))}`));
  }
  return root;
}

async function main() {
  const args = process.argv.slice(2);
  const n = Number(args[args.indexOf('--files') + 1]) || 50_000;
  const analyseSeconds = Number(args[args.indexOf('--analyse-seconds') + 1]) || 60;
  const folder = makeLibrary(n);
  const app = await startApp();
  try {
    const { page } = app;
    await watchLongTasks(app.context);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Choose music folder' }).first().waitFor();
    await libraryOpen(page);
    const memory = await sampleMemory(page);
    const t0 = Date.now();
    const pageT0 = await page.evaluate(() => performance.now());
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    await page.waitForFunction(() => /Analysing audio/.test(document.body.innerText), undefined, { timeout: 7_200_000 });
    const toPublishedS = (Date.now() - t0) / 1000;
    await page.waitForTimeout(analyseSeconds * 1000);
    const analysedBeforeCancel = Number(await page.getByTestId('pipeline-status').getAttribute('data-done'));
    await page.getByRole('button', { name: 'Cancel' }).first().click();
    await page.waitForSelector('[data-testid="pipeline-status"]:not([data-state="running"])', { timeout: 3_600_000 });
    const wallS = (Date.now() - t0) / 1000;
    const tasks = await longTasks(page, pageT0);
    memory.stop();
    const after = await memory.settled();
    const steps = await queryViaSqlPage(
      page, app.url,
      `SELECT step, rows_in, rows_out, round(epoch(ended_at - started_at), 1) AS s FROM meta.run_steps WHERE run_id = 1 ORDER BY ordinal`,
    );
    const [facts] = await queryViaSqlPage(page, app.url, 'SELECT count(*) FROM gold.track_facts');
    const [run] = await queryViaSqlPage(page, app.url, 'SELECT state, files_seen FROM meta.runs WHERE run_id = 1');
    const step = (name: string) => steps.find((s) => s[0] === name);
    const readS = Number(step('read_tags')?.[3] ?? NaN);
    const figures = {
      files: n, runState: run?.[0], filesSeen: Number(run?.[1]), goldTracks: Number(facts?.[0]),
      readTagsSeconds: readS, filesPerSecond: Math.round(n / readS), secondsToLibraryInGold: +toPublishedS.toFixed(1),
      analysedBeforeCancel, wallSeconds: +wallS.toFixed(1),
      peakPageHeapMb: memory.peak.pageHeapMb, peakRendererRssMb: memory.peak.rendererRssMb, peakChromiumRssMb: memory.peak.allRssMb,
      rendererHwmMb: after.rendererHwmMb, settledPageHeapMb: after.pageHeapMb,
      longestMainThreadTaskMs: tasks.longestMs, longTasks: tasks.count, longTasksOver200ms: tasks.over200ms, longestTasksAtMs: tasks.top,
      steps: steps.map((s) => `${s[0]}:${s[1]}->${s[2]} in ${s[3]} s`),
    };
    report(
      'scale',
      figures,
      `${n.toLocaleString('en')} files: tags at ${figures.filesPerSecond} files/s (${readS} s), in gold after ${figures.secondsToLibraryInGold} s; ` +
        `peak page heap ${figures.peakPageHeapMb} MB, peak renderer RSS ${figures.peakRendererRssMb} MB (largest renderer VmHWM ${figures.rendererHwmMb} MB, all Chromium ${figures.peakChromiumRssMb} MB); ` +
        `longest main-thread task ${tasks.longestMs} ms (${tasks.count} over 50 ms, ${tasks.over200ms} over 200 ms); run ${figures.runState} after ${analysedBeforeCancel} analysed in ${analyseSeconds} s then cancelled`,
    );
  } finally {
    await app.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) void main();
