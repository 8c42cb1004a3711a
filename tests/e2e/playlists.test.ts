// /playlists in Chromium (issue 7): generate from the fixture library, see each transition's
// score, reorder by keyboard, lock and regenerate, download the playlist with the contract's
// Export M3U button, save and run a smart playlist, and see the model sections say what they know.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndIngest, saveSmartPlaylist, sqlRows, url } from './support/app';
import { openSession, type Session } from './support/browser';

describe('playlists page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await openAndIngest(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('generates a playlist with scored transitions and edits it by keyboard', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'Playlists' }).first().click();
    const generate = page.getByRole('button', { name: 'Generate', exact: true });
    await expect.poll(() => generate.isEnabled(), { timeout: 20_000 }).toBe(true); // enabled once the pool has loaded
    await generate.click();
    const table = page.getByRole('table', { name: 'Current playlist' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(2);
    await expect.poll(() => rows.nth(1).textContent()).toMatch(/\d+\/100 · /);
    const first = (await rows.nth(0).locator('td').nth(1).textContent())!;
    await page.getByRole('button', { name: `Move down ${first}` }).click();
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe(first);
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Regenerate unlocked' }).click();
    expect(await rows.nth(1).locator('td').nth(1).textContent()).toBe(first);
    const before = await rows.count();
    await page.getByRole('button', { name: /^Remove / }).first().click();
    expect(await rows.count()).toBe(before - 1);
  });

  it('exports the current playlist as M3U8 with paths relative to the library folder', async () => {
    const { page } = s;
    const names = await page.getByRole('table', { name: 'Current playlist' }).locator('tbody tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export M3U' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.m3u8$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('#EXTM3U');
    expect(lines.filter((l) => l.startsWith('#EXTINF:'))).toHaveLength(names);
    const paths = lines.filter((l) => !l.startsWith('#'));
    const known = (await sqlRows(page, "SELECT substr(path, length('library/') + 1) FROM gold.track_facts")).map((r) => r[0]);
    for (const p of paths) expect(known).toContain(p);
  });

  it('saves a smart playlist and shows the models honestly', async () => {
    const { page } = s;
    await saveSmartPlaylist(page, 'Never played');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('table', { name: 'Smart playlist Never played' }).waitFor();
    expect((await sqlRows(page, 'SELECT name FROM raw.smart_playlists'))[0]?.[0]).toBe('Never played');
    await page.goto(url('/playlists'));
    await page.getByText(/needs at least 20|No model trained yet/).first().waitFor();
    await page.getByText('What to look for next').waitFor();
  });
});
