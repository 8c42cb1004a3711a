// A private copy of the production build on its own port, for tests that change what the
// server sends (a new app version) without touching the build the other tests share.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Preview {
  url: string;
  dir: string;
  close(): void;
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

export async function privatePreview(): Promise<Preview> {
  const dir = mkdtempSync(join(tmpdir(), 'wolfie-dist-'));
  cpSync(process.env.WOLFIE_DIST ?? 'dist', dir, { recursive: true });
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    dir,
    close: () => {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
