// The built-in player and ratings (issue 5): play a track from the chosen folder, see the play
// counted (a 2.7 s track counts at half its length), rate it with the keyboard, and find both in
// raw through /sql. The folder is chosen with the webkitdirectory input, which leaves no handle:
// the player plays from the files of that listing, within the same page session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const ROBIN = 'library/Birds/456440__inspectorj__bird-whistling-robin-single-13.hq.ogg';

describe('built-in player and ratings', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('plays a track from the folder and records the play', async () => {
    const { page } = s;
    await openAndIngest(page);
    // In-app navigation keeps the listing's files; a reload would need the folder chosen again.
    await page.getByRole('row').filter({ hasText: /robin/i }).first().click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByText('Played in Wolfie: 1 play, 0 skips').waitFor({ timeout: 20_000 });
  });

  it('rates the track from the keyboard, without touching the file', async () => {
    const { page } = s;
    await page.getByRole('radio', { name: 'No rating' }).focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    await page.getByText('set here').waitFor(); // every write has landed
  });

  it('keeps both in raw, by track', async () => {
    const [event, source] = firstRow(await sqlRows(s.page, `SELECT e.event, e.source FROM raw.player_events e JOIN gold.track_facts t USING (track_id) WHERE t.path = '${ROBIN}'`));
    expect([event, source]).toEqual(['play', 'wolfie-player']);
    const [rating] = firstRow(await sqlRows(s.page, `SELECT r.rating FROM raw.user_ratings r JOIN gold.track_facts t USING (track_id) WHERE t.path = '${ROBIN}' ORDER BY r.rated_at DESC LIMIT 1`));
    expect(Number(rating)).toBe(4);
  });

  it('asks for the folder again when the page was reloaded and no handle is kept', async () => {
    const { page } = s;
    const [id] = firstRow(await sqlRows(page, `SELECT track_id FROM gold.track_facts WHERE path = '${ROBIN}'`));
    await page.goto(url(`/track/${id}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('alert').filter({ hasText: 'Playback needs the music folder "library"' }).waitFor();
  });
});
