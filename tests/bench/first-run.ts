// First-run figures (issues 8 and 10), from the production build in headless Chromium:
//  - fresh profile: opening the app -> "Try the demo library" -> demo ingested -> /dashboards shown
//  - the app shell's JavaScript without workers and WASM, gzip, read from the build output
//  - offline cold start (new browser process, network off) to interactive, median of 5; also to
//    the shell and to the library table's first rows
//   npx vite build --outDir /tmp/dist && WOLFIE_DIST=/tmp/dist npx tsx tests/bench/first-run.ts
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { openSession } from '../e2e/support/browser';
import { startPreview } from '../support/preview-server';

const DIST = process.env.WOLFIE_DIST ?? 'dist';
const COLD_STARTS = 5;

/** JS files reachable from `roots` through static and dynamic imports, never entering a worker. */
function reachable(roots: string[], follow: 'static' | 'all'): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || /worker/i.test(file)) continue;
    seen.add(file);
    const text = readFileSync(join(DIST, 'assets', file), 'utf8');
    // Static imports are `from"./x.js"`; lazy ones appear as import("./x.js") and in __vite__mapDeps lists.
    const pattern = follow === 'static' ? /(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g : /["'`](?:\.\/|\/?assets\/)([\w.-]+\.js)["'`]/g;
    for (const m of text.matchAll(pattern)) stack.push(m[1]!);
  }
  return seen;
}

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length;
  return Math.round(bytes / 102.4) / 10;
}

function shellSize() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const initial = reachable(entry, 'static');
  const library = readdirSync(join(DIST, 'assets')).filter((f) => /^LibraryPage-.*\.js$/.test(f));
  const firstScreen = new Set([...initial, ...reachable(library, 'static')]);
  const allMainThread = reachable(entry, 'all');
  const workerFiles = readdirSync(join(DIST, 'assets')).filter((f) => /worker/i.test(f) && f.endsWith('.js'));
  return {
    shell_js_gzip_kb: gzipKb(initial),
    first_screen_js_gzip_kb: gzipKb(firstScreen),
    all_main_thread_js_gzip_kb: gzipKb(allMainThread),
    worker_js_gzip_kb: gzipKb(workerFiles),
    shell_files: initial.size,
  };
}

/** Interactive = the library has opened (DuckDB instantiated, OPFS file open, migrations checked). */
async function interactive(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="pipeline-status"]');
    return !!el && !/Opening/.test(el.textContent ?? '') && !!document.querySelector('h1');
  }, undefined, { timeout: 60_000 });
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: build first (npx vite build --outDir ${DIST}).`);
  const size = shellSize();
  const server = await startPreview(DIST);
  const base = server.url;
  const profile = mkdtempSync(join(tmpdir(), 'wolfie-first-run-'));
  try {
    // 1. Fresh profile to the demo's dashboards.
    let s = await openSession(profile);
    const t0 = performance.now();
    await s.page.goto(`${base}/`);
    await s.page.getByRole('button', { name: 'Try the demo library' }).click({ timeout: 60_000 });
    const clickedAt = performance.now();
    await s.page.waitForSelector('[data-testid="pipeline-status"][data-state="succeeded"]', { timeout: 120_000 });
    const ingestedAt = performance.now();
    await s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click();
    await s.page.getByRole('heading', { level: 1, name: /Dashboards/ }).waitFor();
    const dashboardsAt = performance.now();
    await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    // 2. Offline cold starts: a new browser process on the same profile each time.
    const cold: number[] = [];
    const shell: number[] = [];
    const table: number[] = []; // the library's first rows on screen, read from the open database
    const phases: Record<string, number>[] = []; // ms since navigation start at each mark of src/lakehouse/engine/db.ts
    for (let i = 0; i < COLD_STARTS; i++) {
      await s.context.close();
      s = await openSession(profile);
      await s.context.setOffline(true);
      const start = performance.now();
      await s.page.goto(`${base}/`);
      await s.page.getByRole('navigation', { name: 'Main' }).waitFor(); // the shell answers: menus, routes
      shell.push(performance.now() - start);
      await interactive(s.page);
      cold.push(performance.now() - start);
      await s.page.locator('[role="table"][aria-label="Tracks"] [role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
      table.push(performance.now() - start);
      phases.push(await s.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('wolfie:')).map((m) => [m.name.slice(7), Math.round(m.startTime)]))));
    }
    await s.context.close();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

    const figures = {
      first_run_to_dashboards_s: round((dashboardsAt - t0) / 1000),
      first_run_open_to_button_s: round((clickedAt - t0) / 1000),
      demo_ingest_s: round((ingestedAt - clickedAt) / 1000),
      ...size,
      offline_cold_start_median_ms: Math.round(median(cold)),
      offline_cold_starts_ms: cold.map(Math.round),
      offline_cold_start_shell_median_ms: Math.round(median(shell)),
      offline_cold_start_table_median_ms: Math.round(median(table)),
      // Median time since navigation start at each phase of opening the lakehouse.
      offline_cold_start_phases_ms: Object.fromEntries(Object.keys(phases[0] ?? {}).map((k) => [k, median(phases.map((p) => p[k] ?? NaN))])),
    };
    console.log(JSON.stringify({ bench: 'first-run', ...figures }));
    console.log(`first run (fresh profile) to the demo's dashboards: ${figures.first_run_to_dashboards_s} s (goal < 30 s); demo ingest ${figures.demo_ingest_s} s`);
    console.log(`app shell JS (entry + static imports, no workers/WASM): ${size.shell_js_gzip_kb} KB gzip (goal < 250 KB); with the library page ${size.first_screen_js_gzip_kb} KB; every main-thread chunk ${size.all_main_thread_js_gzip_kb} KB; workers ${size.worker_js_gzip_kb} KB`);
    console.log(`offline cold start to interactive (library open, DuckDB ready): median ${figures.offline_cold_start_median_ms} ms of ${COLD_STARTS} (goal < 1500 ms): ${figures.offline_cold_starts_ms.join(', ')} ms`);
    console.log(`offline cold start to the shell (navigation rendered): median ${figures.offline_cold_start_shell_median_ms} ms; to the library's first rows: median ${figures.offline_cold_start_table_median_ms} ms`);
    console.log(`offline cold start phases (ms since navigation): ${Object.entries(figures.offline_cold_start_phases_ms).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } finally {
    server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
