// Real headless Chromium (Debian's package) driven by playwright-core. Each test gets its own
// persistent profile so reloads and OPFS behave as they do for a person.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium is not installed: the end-to-end tests need Debian\'s "chromium" package (/usr/bin/chromium). ' +
        'Install it with `sudo apt-get install -y chromium` (.ci/run does this), or set CHROMIUM_PATH.',
    );
  }
  return found;
}

// Without the background-networking flags Chromium tries to reach Google's services.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Session {
  context: BrowserContext;
  page: Page;
  profile: string;
  close(): Promise<void>;
  /** Closes and reopens the same profile: what a person does by closing the tab and coming back. */
  reopen(): Promise<Session>;
}

export async function openSession(profile = mkdtempSync(join(tmpdir(), 'wolfie-e2e-'))): Promise<Session> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: ARGS, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  const session: Session = {
    context,
    page,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    reopen: async () => {
      await context.close();
      return openSession(profile);
    },
  };
  return session;
}
