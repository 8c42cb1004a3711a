// The contract's routes each render with the status element; a second tab does not take the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const ROUTES = ['/', '/track/unknown', '/pipeline', '/quality', '/lineage', '/catalog', '/dashboards', '/playlists', '/sql', '/settings'];

describe('app shell', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(ROUTES)('%s renders with the pipeline status', async (route) => {
    await s.page.goto(url(route));
    await waitIdle(s.page);
    const status = s.page.getByTestId('pipeline-status');
    expect(await status.count()).toBe(1);
    expect(['idle', 'running', 'succeeded', 'failed']).toContain(await status.getAttribute('data-state'));
    expect(await s.page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
  });

  it('tells a second tab that Wolfie is open elsewhere, and lets it take over when the first closes', async () => {
    await s.page.goto(url('/'));
    await waitIdle(s.page);
    const second = await s.context.newPage();
    await second.goto(url('/'));
    await second.getByText('Wolfie is open in another tab').waitFor();
    await s.page.close();
    await second.waitForFunction(() => !document.body.textContent?.includes('Wolfie is open in another tab'), undefined, { timeout: 30_000 });
    await waitIdle(second);
    expect(await second.getByTestId('pipeline-status').getAttribute('data-state')).toBe('idle');
  });

  it('refuses writes in the SQL explorer', async () => {
    const page = s.context.pages()[0]!;
    await page.goto(url('/sql'));
    await waitIdle(page);
    await page.getByRole('textbox', { name: 'SQL' }).fill('DELETE FROM meta.runs');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'only reads' }).waitFor();
  });
});
