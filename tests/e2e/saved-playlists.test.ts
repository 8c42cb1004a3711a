// Saved playlists on /playlists in Chromium: a playlist saved from the generator is listed, shows
// its tracks in order, downloads again as M3U8, and is deleted only after the shared confirmation
// (Escape keeps it), leaving a playlist-delete line in meta.audit_log.
import { readFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const NAME = 'Saved set';

/** Serious or critical axe findings inside the Saved playlists section (as confirmations.test.ts does for dialogs). */
async function sectionViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source); // evaluate: the CSP refuses inline scripts
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact: string | null; help: string }[] }> } };
    const r = await w.axe.run(document.querySelector('section[aria-labelledby="saved-playlists-h"]')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help}`);
  });
}

describe('saved playlists', () => {
  let s: Session;
  let saved = 0; // tracks in the saved playlist
  beforeAll(async () => {
    s = await openSession();
    await openAndIngest(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists a playlist saved from the generator and shows its tracks in order', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Playlists' }).first().click();
    const generate = page.getByRole('button', { name: 'Generate', exact: true });
    await expect.poll(() => generate.isEnabled(), { timeout: 20_000 }).toBe(true);
    await generate.click();
    const current = page.getByRole('table', { name: 'Current playlist' }).locator('tbody tr');
    await current.first().waitFor();
    saved = await current.count();
    expect(saved).toBeGreaterThan(2);
    const order = await current.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent ?? ''));
    await page.getByLabel('Playlist name', { exact: true }).fill(NAME);
    await page.getByRole('button', { name: 'Save playlist' }).click();

    const list = page.getByRole('table', { name: 'Saved playlists' });
    const row = list.getByRole('row').filter({ hasText: NAME });
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe(String(saved));

    await page.getByRole('button', { name: `Show ${NAME}` }).click();
    const tracks = page.getByRole('list', { name: `Tracks of ${NAME}` }).getByRole('listitem');
    await expect.poll(() => tracks.count()).toBe(saved);
    expect(await tracks.allTextContents()).toEqual(order); // artist – title, in the generator's order
    expect(await page.getByText('no longer in the library').count()).toBe(0);
    expect(await sectionViolations(page)).toEqual([]);
  });

  it('exports a saved playlist as M3U8 again', async () => {
    const { page } = s;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export M3U of ${NAME}` }).click()]);
    expect(download.suggestedFilename()).toBe(`${NAME}.m3u8`);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('#EXTM3U');
    expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toHaveLength(saved);
    expect(lines.filter((l) => !l.startsWith('#'))).toHaveLength(saved);
  });

  it('deletes a saved playlist only after confirmation, with an audit line', async () => {
    const { page } = s;
    const remove = page.getByRole('button', { name: `Delete playlist ${NAME}` });
    const dialog = page.getByRole('dialog', { name: `Delete playlist “${NAME}”?` });
    await remove.click();
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await expect.poll(() => dialog.textContent()).toContain('stay in your library');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await remove.count()).toBe(1);

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete playlist', exact: true }).click();
    await remove.waitFor({ state: 'detached' });
    await page.getByText('No saved playlists yet.').waitFor();
    expect(await sqlRows(page, 'SELECT (SELECT count(*) FROM raw.playlists) + (SELECT count(*) FROM raw.playlist_tracks)')).toEqual([['0']]);
    const lines = await sqlRows(page, "SELECT details FROM meta.audit_log WHERE action = 'playlist-delete' ORDER BY audit_id");
    expect(lines).toEqual([[`Deleted playlist “${NAME}” (${saved} tracks, id 1)`]]);

    await page.goto(url('/playlists'));
    await waitIdle(page);
    await page.getByText('No saved playlists yet.').waitFor();
  });
});
