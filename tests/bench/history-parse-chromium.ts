// Benchmark in headless Chromium (the target: 1,000,000 Spotify extended rows under 60 s).
// The file is picked through an <input type=file> so it is disk-backed, as a person's drop is, and
// parsed in a module Web Worker built from workers/history. Needs a local Chromium.
//   npx tsx tests/bench/history-parse-chromium.ts <file.json>   (make one: history-parse.ts 1000000 --keep)
//   CHROMIUM_PATH=/path/to/chrome overrides /usr/bin/chromium
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// esbuild arrives with tsx (which runs this program); a bench may lean on it rather than add a dependency.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ORIGIN = 'http://history-bench.test';

async function main(): Promise<void> {
  const file = process.argv[2] ?? '/tmp/wolfie-history-bench-1000000.json';
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(file) || !existsSync(executablePath)) {
    console.log(`[skip] need ${file} (npx tsx tests/bench/history-parse.ts 1000000 --keep) and Chromium at ${executablePath}`);
    return;
  }
  const bundle = await build({ entryPoints: [join(HERE, 'history-parse-chromium.worker.ts')], bundle: true, format: 'esm', platform: 'browser', write: false });
  const browser = await chromium.launch({ executablePath });
  try {
    const page = await browser.newPage();
    // A same-origin page and worker script served from memory: nothing goes to the network.
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith('/worker.js')
        ? route.fulfill({ contentType: 'text/javascript', body: bundle.outputFiles[0]!.text })
        : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>history bench</title><input type=file aria-label=file>' }),
    );
    await page.goto(`${ORIGIN}/`);
    await page.getByLabel('file').setInputFiles(file);
    for (const mode of ['batched', 'collected'] as const) {
      const r = await page.evaluate(async (mode) => {
        const input = document.querySelector('input') as HTMLInputElement;
        const worker = new Worker('/worker.js', { type: 'module' });
        try {
          return await new Promise<Record<string, number | string>>((resolve) => {
            worker.onmessage = (e) => resolve(e.data);
            worker.onerror = (e) => resolve({ error: `worker failed to start: ${e.message}` });
            worker.postMessage({ file: input.files![0], mode });
          });
        } finally {
          worker.terminate();
        }
      }, mode);
      if ('error' in r) throw new Error(String(r.error));
      const seconds = Number(r.seconds);
      const result = { mode, engine: `chromium ${browser.version()}`, bytes: statSync(file).size, ...r, seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(Number(r.rows) / seconds) };
      console.log(JSON.stringify(result));
      console.log(`chromium ${mode}: ${Number(r.rows).toLocaleString('en')} rows (${(result.bytes / 1e6).toFixed(0)} MB) in ${result.seconds} s = ${result.rowsPerSecond.toLocaleString('en')} rows/s`);
    }
  } finally {
    await browser.close();
  }
}

void main();
