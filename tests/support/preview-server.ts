// Serves a production build with `vite preview` on a free local port: the one way every e2e
// test, private test copy and benchmark starts the app.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface PreviewServer {
  url: string;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `vite preview` on `dist` and resolves once it answers. */
export async function startPreview(dist: string): Promise<PreviewServer> {
  const port = await freePort();
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], {
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150 && !(await fetch(url).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  return { url, stop: () => void server.kill() };
}
