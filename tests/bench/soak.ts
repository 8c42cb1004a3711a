// Soak (issue 9): `npx tsx tests/bench/soak.ts [--files 40] [--runs 10]`. One page, never reloaded:
// a folder is ingested and analysed once, then chosen again `runs` times back to back. Each
// incremental run must read and analyse nothing and leave gold exactly as it was; after each,
// the page heap (after a forced GC) and Chromium's resident memory are printed, so a leak shows
// as a rising series. JSON plus a readable line.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { libraryOpen, report, startApp } from './support/app-server';
import { sampleMemory } from './support/memory';
import { makeLibrary } from './scale';

/** Counts runs that end, by watching the status element (it stays in the shell across routes). */
async function countRunEnds(page: Page): Promise<void> {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="pipeline-status"]')!;
    const w = window as unknown as { __runsEnded: number };
    w.__runsEnded = 0;
    let last = el.getAttribute('data-state');
    new MutationObserver(() => {
      const now = el.getAttribute('data-state');
      if (last === 'running' && now !== 'running') w.__runsEnded++;
      last = now;
    }).observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
}

let queryNo = 0;
/** A query through the in-app SQL link (no reload); a unique column name tells this result from the last. */
async function query(page: Page, select: string): Promise<string[]> {
  const tag = `q${++queryNo}`;
  await page.getByRole('link', { name: 'SQL', exact: true }).first().click();
  await page.getByRole('textbox', { name: 'SQL' }).fill(`SELECT ${select}, 1 AS ${tag}`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const table = page.getByRole('table', { name: 'Query result' });
  await table.locator('th', { hasText: tag }).waitFor();
  const row = await table.locator('tbody tr').first().evaluate((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''));
  await page.getByRole('link', { name: 'Library', exact: true }).first().click();
  return row.slice(0, -1);
}

const GOLD = `(SELECT count(*) FROM gold.track_facts) AS tracks,
  (SELECT sum(hash(track_id, path, title, bpm, key, loudness_lufs, error)) FROM gold.track_facts) AS gold_hash,
  (SELECT count(*) FROM raw.analysis) AS analyses`;
const LAST_RUN = `(SELECT state FROM meta.runs ORDER BY run_id DESC LIMIT 1) AS state,
  (SELECT rows_in FROM meta.run_steps WHERE step = 'read_tags' AND run_id = (SELECT max(run_id) FROM meta.runs)) AS tags_read,
  (SELECT count(*) FROM meta.run_steps WHERE step = 'analyse' AND run_id = (SELECT max(run_id) FROM meta.runs)) AS analyse_steps`;

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: number) => Number(args[args.indexOf(name) + 1]) || dflt;
  const files = arg('--files', 40);
  const runs = arg('--runs', 10);
  // Checking gold visits /sql in-app; --check-every N checks only every Nth run, so a heap trend
  // can be told apart from what the SQL page itself keeps.
  const checkEvery = arg('--check-every', 1);
  const folder = makeLibrary(files, 'Soak Library');
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await libraryOpen(page);
    await countRunEnds(page);
    const memory = await sampleMemory(page, 1000);
    const runOnce = async (n: number) => {
      await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
      await page.waitForFunction((k) => (window as unknown as { __runsEnded: number }).__runsEnded >= k, n, { timeout: 1_800_000 });
    };
    const t0 = Date.now();
    await runOnce(1);
    const firstS = (Date.now() - t0) / 1000;
    const baseline = await query(page, GOLD);
    type Sample = { run: number; seconds: number; pageHeapMb: number; rendererRssMb: number; allRssMb: number; state: string; tagsRead: number | null; analysed: number | null; goldSame: boolean | null };
    const series: Sample[] = [];
    for (let i = 1; i <= runs; i++) {
      const t = Date.now();
      await runOnce(i + 1);
      const seconds = (Date.now() - t) / 1000;
      const checked = i % checkEvery === 0 || i === runs;
      // Unchecked runs still report the status element's own state; their counts are unknown (null).
      const status = (await page.getByTestId('pipeline-status').getAttribute('data-state')) ?? 'unknown';
      const [state, tagsRead, analyseSteps] = checked ? await query(page, LAST_RUN) : [status, null, null];
      const gold = checked ? await query(page, GOLD) : baseline;
      const m = await memory.settled();
      series.push({
        run: i, seconds: +seconds.toFixed(1), pageHeapMb: m.pageHeapMb, rendererRssMb: m.rendererRssMb, allRssMb: m.allRssMb,
        state: state!, tagsRead: tagsRead == null ? null : Number(tagsRead), analysed: analyseSteps == null ? null : Number(analyseSteps),
        goldSame: checked ? gold.join() === baseline.join() : null,
      });
      const goldSaid = !checked ? 'not checked' : gold.join() === baseline.join() ? 'unchanged' : `CHANGED ${gold.join()}`;
      console.log(`run ${i}: ${state}, ${seconds.toFixed(1)} s, ${tagsRead ?? '?'} tags read, gold ${goldSaid}, page heap ${m.pageHeapMb} MB, renderer RSS ${m.rendererRssMb} MB`);
    }
    memory.stop();
    const nothingChanged = series.every((s) => s.state === 'succeeded' && (s.goldSame === null || (s.tagsRead === 0 && s.analysed === 0 && s.goldSame)));
    const heap = series.map((s) => s.pageHeapMb);
    const rss = series.map((s) => s.rendererRssMb);
    report(
      'soak',
      { files, runs, firstRunSeconds: +firstS.toFixed(1), baseline, nothingChanged, series, peak: memory.peak },
      `${runs} incremental runs over ${files} files (first run ${firstS.toFixed(0)} s): ${nothingChanged ? 'nothing changed' : 'SOMETHING CHANGED'}; ` +
        `page heap after GC ${heap.join(', ')} MB; renderer RSS ${rss.join(', ')} MB; run times ${series.map((s) => s.seconds).join(', ')} s`,
    );
  } finally {
    await app.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) void main();
