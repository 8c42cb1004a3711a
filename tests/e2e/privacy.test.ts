// Issue 8 privacy: a full session (ingest, /sql query and CSV export, every route, tracks CSV)
// makes no request to another origin and triggers no Content-Security-Policy refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';
import { watchContext, type Watch } from './support/watch';

const ROUTES = ['/', '/track/unknown', '/pipeline', '/quality', '/lineage', '/catalog', '/dashboards', '/playlists', '/sql', '/settings'];

describe('privacy and hardening', () => {
  let s: Session;
  let watch: Watch;
  beforeAll(async () => {
    s = await openSession();
    watch = watchContext(s.context, url('/'));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('serves a strict Content-Security-Policy in the page and as a header', async () => {
    const response = await s.page.goto(url('/'));
    const header = response?.headers()['content-security-policy'] ?? '';
    const meta = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const policy of [header, meta ?? '']) {
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/); // no 'unsafe-inline', no 'unsafe-eval'
      expect(policy).toContain("object-src 'none'");
    }
    expect(await s.page.locator('script:not([src])').count()).toBe(0);
  });

  it('keeps every request of a full session on its own origin', async () => {
    const { page } = s;
    await openAndIngest(page);
    const [count] = (await sqlRows(page, 'SELECT count(*) FROM raw.files'))[0] ?? [];
    expect(count).toBe('19');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    for (const route of ROUTES) {
      await page.goto(url(route));
      await waitIdle(page);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await page.goto(url('/'));
    await waitIdle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export tracks (CSV)' }).click()]);
    expect(await download.path()).toBeTruthy();

    expect(watch.requests.length).toBeGreaterThan(20);
    expect(watch.foreign).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  });

  it('would notice a refusal: an injected inline script is blocked and reported', async () => {
    const before = watch.cspViolations.length;
    const ran = await s.page.evaluate(() => {
      const el = document.createElement('script');
      el.textContent = 'window.__inlineRan = true';
      document.head.append(el);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => watch.cspViolations.length).toBeGreaterThan(before);
  });
});
