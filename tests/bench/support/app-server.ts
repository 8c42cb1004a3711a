// Benchmarks drive the production build: build it if needed, serve it on a free port with
// `vite preview`, and open Debian's Chromium on a fresh profile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../e2e/support/browser';
import { startPreview } from '../../support/preview-server';

export interface BenchApp {
  url: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function startApp(): Promise<BenchApp> {
  const dist = process.env.WOLFIE_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) execFileSync('npx', ['vite', 'build', '--outDir', dist], { stdio: 'inherit' });
  const server = await startPreview(dist);
  const url = server.url;
  const profile = mkdtempSync(join(tmpdir(), 'wolfie-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url,
    context,
    page,
    async close() {
      await context.close();
      server.stop();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// In its own module so benchmarks without a browser print the same way without loading playwright.
export { report } from './report';

/** Waits until the page's library has opened (the status no longer says "Opening"). */
export async function libraryOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Opening/.test(document.querySelector('[data-testid="pipeline-status"]')?.textContent ?? 'Opening'));
}
