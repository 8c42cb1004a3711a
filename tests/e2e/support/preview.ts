// A private copy of the production build on its own port, for tests that change what the
// server sends (a new app version) without touching the build the other tests share.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from '../../support/preview-server';

export interface Preview {
  url: string;
  dir: string;
  close(): void;
}

export async function privatePreview(): Promise<Preview> {
  const dir = mkdtempSync(join(tmpdir(), 'wolfie-dist-'));
  cpSync(process.env.WOLFIE_DIST ?? 'dist', dir, { recursive: true });
  const server = await startPreview(dir);
  return {
    url: server.url,
    dir,
    close: () => {
      server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
