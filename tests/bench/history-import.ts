// Benchmark: import 1,000,000 generated Spotify extended-history rows through the built app in
// headless Chromium, end to end (parse in the worker, load into DuckDB on OPFS, match, models),
// through the contract's "Import listening history" input. Prints JSON and a readable line.
//   npx tsx tests/bench/history-import.ts [rows=1000000]
//   WOLFIE_DIST=/tmp/dist-x reuses a build; otherwise the app is built to a temp dir first.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { libraryOpen } from './support/app-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = resolve(ROOT, '../shared/corpus/history/Streaming_History_Audio_2023.json');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Rows cloned from the real sample (same keys and layout), with fresh increasing timestamps. */
async function generate(path: string, rows: number): Promise<void> {
  const records = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>[];
  const out = createWriteStream(path);
  const start = Date.UTC(2015, 0, 1);
  out.write('[\n');
  for (let i = 0; i < rows; i++) {
    const r = { ...records[i % records.length]!, ts: new Date(start + i * 180_000).toISOString().replace('.000Z', 'Z') };
    if (!out.write(JSON.stringify(r, null, 2).replace(/^/gm, '  ') + (i + 1 < rows ? ',\n' : '\n'))) await once(out, 'drain');
  }
  out.end(']\n');
  await once(out, 'finish');
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(SAMPLE) || !existsSync(executablePath)) {
    console.log(`[skip] need ${SAMPLE} (the real sample's shape) and Chromium at ${executablePath}`);
    return;
  }
  const file = join(tmpdir(), `wolfie-history-bench-${rows}.json`);
  if (!existsSync(file)) await generate(file, rows);
  const dist = process.env.WOLFIE_DIST ?? mkdtempSync(join(tmpdir(), 'wolfie-bench-dist-'));
  if (!existsSync(join(dist, 'index.html'))) execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dist, '--emptyOutDir'], { cwd: ROOT, stdio: 'ignore' });
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { cwd: ROOT, stdio: 'ignore' });
  const profile = mkdtempSync(join(tmpdir(), 'wolfie-bench-profile-'));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      if (await fetch(base).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${base}/settings`);
    await page.waitForSelector('[data-testid="pipeline-status"]:not([data-state="running"])');
    await libraryOpen(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let peakHeap = 0;
    const sampler = setInterval(() => {
      cdp.send('Performance.getMetrics').then((m) => {
        const used = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, used);
      }, () => undefined);
    }, 250);
    const t0 = performance.now();
    await page.locator('input[type=file][aria-label="Import listening history"]').setInputFiles(file);
    await page.locator('section[aria-label="Listening history import summary"]').waitFor({ timeout: 900_000 });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const state = await page.getByTestId('pipeline-status').getAttribute('data-state');
    const summary = await page.locator('section[aria-label="Listening history import summary"] tbody tr').first().innerText();
    // Per-step times, read through the app's own read-only SQL page.
    await page.goto(`${base}/sql`);
    await page.getByRole('textbox', { name: 'SQL' }).fill(
      `SELECT step, round(epoch(ended_at) - epoch(started_at), 1) AS s FROM meta.run_steps WHERE run_id = (SELECT max(run_id) FROM meta.runs) ORDER BY ordinal`,
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const table = page.getByRole('table', { name: 'Query result' });
    await table.locator('tbody tr').first().waitFor();
    const steps = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent).join(' ')));
    await context.close();
    const result = {
      rows, bytes: statSync(file).size, state, seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(rows / seconds),
      peakPageJsHeapMb: Math.round(peakHeap / 1e6), steps, summary: summary.replace(/\s+/g, ' '), engine: 'chromium (headless, OPFS)',
    };
    console.log(JSON.stringify(result));
    console.log(`history import: ${rows.toLocaleString('en')} Spotify rows (${(result.bytes / 1e6).toFixed(0)} MB) end to end in ${result.seconds} s = ${result.rowsPerSecond.toLocaleString('en')} rows/s, peak page JS heap ${result.peakPageJsHeapMb} MB, run ${state}; steps: ${steps.join(', ')}`);
  } finally {
    server.kill();
    rmSync(profile, { recursive: true, force: true });
    if (!process.env.WOLFIE_DIST) rmSync(dist, { recursive: true, force: true });
  }
}

void main();
