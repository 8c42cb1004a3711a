// Issue 6 end to end: ingest the fixture library, import a Spotify history sample through the
// contract's "Import listening history" input, then every dashboard tab renders charts from
// gold with no CSP refusal (Plot's <style> must never reach the page), and filters live in the URL.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndIngest, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';
import { watchContext, type Watch } from './support/watch';

const HISTORY = resolve(__dirname, '../../../shared/corpus/history/StreamingHistory_music_0.json');

describe('dashboards', () => {
  let s: Session;
  let watch: Watch;
  beforeAll(async () => {
    s = await openSession();
    watch = watchContext(s.context, url('/'));
  });
  afterAll(async () => {
    await s?.close();
  });

  const ready = async (testId: string) => {
    await s.page.locator(`[data-testid="${testId}"][data-ready="true"]`).waitFor({ timeout: 30_000 });
  };

  it('says what is missing before there is a library', async () => {
    await s.page.goto(url('/dashboards'));
    await waitIdle(s.page);
    await expect(s.page.getByTestId('dash-empty').innerText()).resolves.toMatch(/Choose your music folder/);
  });

  it('ingests the library and, when the sample exists, the listening history', async () => {
    await openAndIngest(s.page);
    if (!existsSync(HISTORY)) return console.log(`[skip] history part: ${HISTORY} is missing`);
    const input = s.page.locator('input[type=file][aria-label="Import listening history"]');
    if (!(await input.count())) return console.log('[skip] history part: no Import listening history input');
    await input.setInputFiles(HISTORY);
    await s.page.waitForSelector('[data-testid="pipeline-status"][data-state="running"]', { timeout: 10_000 }).catch(() => undefined);
    await waitForRun(s.page);
  });

  it('renders every tab with charts and no CSP refusal', async () => {
    for (const [path, id] of [['', 'dash-overview'], ['/trends', 'dash-trends'], ['/library', 'dash-library'], ['/distribution', 'dash-distribution'], ['/insights', 'dash-insights']]) {
      await s.page.goto(url(`/dashboards${path}`));
      await ready(id!);
    }
    // Distribution has bar charts whatever the history: Plot drew SVG, and its <style> never reached the DOM.
    await s.page.goto(url('/dashboards/distribution'));
    await ready('dash-distribution');
    await expect(s.page.locator('figure.chart svg.wolfie-plot').count()).resolves.toBeGreaterThan(3);
    await expect(s.page.locator('main style').count()).resolves.toBe(0);
    await expect(s.page.getByRole('group', { name: 'Keys on the Camelot wheel' }).count()).resolves.toBe(1);
    expect(watch.cspViolations).toEqual([]);
  });

  it('a clicked value and the genre filter are in the URL, and the page follows them', async () => {
    await s.page.goto(url('/dashboards/distribution'));
    await ready('dash-distribution');
    const table = s.page.getByRole('table', { name: 'Tracks in this view' });
    const all = await table.locator('tbody tr').count();
    const genres = s.page.locator('figure.chart', { hasText: 'Genres' }).first();
    await genres.locator('summary').click();
    await genres.getByRole('button', { name: /^Filter to / }).first().click();
    await s.page.waitForURL(/dim=genre&value=/);
    await ready('dash-distribution');
    const value = new URL(s.page.url()).searchParams.get('value')!;
    await s.page.getByRole('status').filter({ hasText: `genre is ${value}` }).waitFor();
    const narrowed = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[3]?.textContent));
    expect(narrowed.length).toBeLessThanOrEqual(all);
    expect(new Set(narrowed)).toEqual(new Set([value]));
    // The same view, bookmarked: a fresh navigation with the URL shows the same selection.
    await s.page.goto(url(`/dashboards/distribution?genre=${encodeURIComponent(value)}&dim=genre&value=${encodeURIComponent(value)}`));
    await ready('dash-distribution');
    await expect(s.page.getByRole('combobox', { name: 'Genre', exact: true }).inputValue()).resolves.toBe(value);
    await expect(table.locator('tbody tr').count()).resolves.toBe(narrowed.length);
  });
});
