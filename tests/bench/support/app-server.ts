// Benchmarks drive the production build: build it if needed, serve it on a free port with
// `vite preview`, and open Debian's Chromium on a fresh profile.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../e2e/support/browser';

export interface BenchApp {
  url: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startApp(): Promise<BenchApp> {
  const dist = process.env.WOLFIE_DIST ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) execFileSync('npx', ['vite', 'build', '--outDir', dist], { stdio: 'inherit' });
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
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
      server.kill();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Prints a figure the way every benchmark does: one JSON line, then one readable line. */
export function report(name: string, figures: Record<string, unknown>, readable: string): void {
  console.log(JSON.stringify({ bench: name, ...figures }));
  console.log(`${name}: ${readable}`);
}
