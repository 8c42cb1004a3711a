// Issue 10 accessibility: axe-core on every contract route, on an empty profile and with the
// fixture library loaded (light and dark), fails on any serious or critical violation. Also the
// phone layout: no sideways scrolling at 360 px and a menu that reaches every route.
import axe from 'axe-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const ROUTES = ['/', '/track/unknown', '/pipeline', '/quality', '/lineage', '/catalog', '/dashboards', '/playlists', '/sql', '/settings'];
const report: Record<string, string[]> = {};
// With data, the track route shows a real track (set once the library is in).
const DATA_ROUTES = [...ROUTES];

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function audit(page: Page, route: string, label: string): Promise<string[]> {
  await page.goto(url(route));
  await waitIdle(page);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // evaluate, not an inline <script>: the app's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations;
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
  report[`${label} ${route}`] = serious;
  return serious;
}

describe('accessibility (axe-core)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    mkdirSync('tests/.tmp', { recursive: true });
    writeFileSync('tests/.tmp/axe-report.json', JSON.stringify(report, null, 2));
    for (const [k, v] of Object.entries(report)) console.log(`axe ${k}: ${v.length ? v.join('; ') : 'no serious/critical violations'}`);
    await s?.close();
  });

  it.each(ROUTES)('empty profile: %s', async (route) => {
    expect(await audit(s.page, route, 'empty')).toEqual([]);
  });

  it('ingests the fixture library', async () => {
    await openAndIngest(s.page);
    const [id] = firstRow(await sqlRows(s.page, 'SELECT track_id FROM gold.track_facts WHERE error IS NULL ORDER BY path LIMIT 1'));
    DATA_ROUTES[1] = `/track/${id}`;
  });

  it.each(ROUTES.map((_, i) => i))('with data, light and dark: route %i', async (i) => {
    const route = DATA_ROUTES[i]!;
    await s.page.emulateMedia({ colorScheme: 'light' });
    const light = await audit(s.page, route, 'data-light');
    await s.page.emulateMedia({ colorScheme: 'dark' });
    const dark = await audit(s.page, route, 'data-dark');
    expect({ light, dark }).toEqual({ light: [], dark: [] });
  });

  it('works at 360 px: no sideways scroll, a menu to every route', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url('/'));
    await waitIdle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.getByRole('link').count()).toBe(ROUTES.length - 1); // every route but /track/:id
    await nav.getByRole('link', { name: 'SQL' }).click();
    await page.getByRole('heading', { name: 'SQL explorer' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await audit(page, '/', 'phone')).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
