// Issue 8 install and offline: Chromium finds nothing missing for installation; after one visit
// the app reloads offline and still ingests a folder and answers a query; a new version waits
// for consent ("Update available") and never reloads under a running pipeline.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';
import { privatePreview } from './support/preview';

describe('installable PWA that works offline', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has a manifest and service worker Chromium accepts for installation', async () => {
    const { page, context } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    // Install finishes only after every precached file (34 MB of WASM included) is stored.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? '{}') as { name: string; display: string; icons: { sizes: string; purpose?: string }[] };
    expect(parsed).toMatchObject({ name: 'Wolfie', display: 'standalone' });
    expect(parsed.icons.map((i) => `${i.sizes}:${i.purpose ?? 'any'}`)).toEqual(['192x192:any', '512x512:any', '512x512:maskable']);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return urls.map((u) => new URL(u).pathname);
    });
    for (const pattern of [/duckdb-eh.*\.wasm/, /duckdb-browser-eh\.worker.*\.js/, /ingest\.worker.*\.js/, /^\/index\.html/, /\.css/]) {
      expect(cached.some((p) => pattern.test(p)), `precache holds ${pattern}`).toBe(true);
    }
  });

  it('reloads offline, ingests a folder and runs a query', async () => {
    const { page, context } = s;
    await context.setOffline(true);
    try {
      await page.reload();
      await waitIdle(page);
      await chooseFolder(page);
      await waitForRun(page);
      expect(firstRow(await sqlRows(page, 'SELECT count(*) FROM raw.files'))).toEqual(['19']);
      // Offline, the tags are read and the audio analysed (16 tracks; 7 have a reason: the fixture's
      // broken files, and WavPack/WMA, which neither the workers nor Chromium decode).
      const [healthy, analysed] = firstRow(await sqlRows(page, 'SELECT count(*) FILTER (WHERE error IS NULL), count(loudness_lufs) FROM gold.track_facts'));
      expect(Number(healthy)).toBeGreaterThanOrEqual(9);
      expect(Number(analysed)).toBeGreaterThanOrEqual(3);
    } finally {
      await context.setOffline(false);
    }
  });

  it('offers a new version and reloads only on consent, never during a run', async () => {
    // Its own server and profile: the new version is made by changing the served sw.js, which
    // is what a deployment looks like to the browser.
    const preview = await privatePreview();
    const t = await openSession();
    try {
      const { page } = t;
      await page.goto(`${preview.url}/`);
      await waitIdle(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      appendFileSync(join(preview.dir, 'sw.js'), '\n// next version\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const banner = page.getByTestId('update-available');
      await banner.waitFor({ timeout: 60_000 });
      expect(await banner.textContent()).toContain('Update available');
      // During a run the update cannot be applied.
      await chooseFolder(page);
      await page.waitForSelector('[data-testid="pipeline-status"][data-state="running"]');
      expect(await banner.getByRole('button', { name: 'Reload and update' }).isDisabled()).toBe(true);
      await waitForRun(page);
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await banner.getByRole('button', { name: 'Reload and update' }).click();
      await reloaded;
      await waitIdle(page);
      expect(await page.getByTestId('update-available').count()).toBe(0);
    } finally {
      await t.close();
      preview.close();
    }
  });
});
