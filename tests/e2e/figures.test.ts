// Issue 15, one definition per figure, end to end: the fixture library, then a listening history
// the test writes (plays, skips under 30 s and marked skipped, a placeholder date, listens of a
// track that duplicate files hold, listens of recordings not in the library), imported through
// "Import listening history". Every page that shows plays, skips, minutes, never played or top
// lists is read through the UI (table, track page, Overview, trends, Library optimisation, recap)
// and through /sql, and each must agree with the others and with the figures computed here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../../src/domain/match';
import { allTimeByTrack, periodFigures, spotifyExtended, topOf, type Heard, type Listen } from '../support/generated-history';
import { openAndIngest, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const ORCHESTRA = ['The U.S. Army Strings', 'Hungarian Dance No. 5'] as const;
const FULL = ['the artist', 'full'] as const; // the tags of full.mp3, its duplicates and the other formats
const at = (start: string, [artist, title]: readonly [string, string], s = 200, skipped = false): Listen => ({ start, msPlayed: s * 1000, artist, title, skipped });
const LISTENS: Listen[] = [
  at('2024-02-05T09:00:00Z', ORCHESTRA), at('2024-03-03T10:00:00Z', ORCHESTRA), at('2024-03-12T18:00:00Z', ORCHESTRA), at('2024-03-25T23:10:00Z', ORCHESTRA, 150),
  at('2024-03-13T18:00:00Z', ORCHESTRA, 8), // a skip: under 30 s
  at('1970-01-01T00:00:00Z', ORCHESTRA), // a placeholder date: a play of all time, in no period
  at('2024-03-04T07:00:00Z', FULL, 60), at('2024-03-18T07:00:00Z', FULL, 60), at('2024-03-19T07:00:00Z', FULL, 60),
  at('2024-03-20T07:00:00Z', FULL, 45, true), // marked skipped by Spotify: no play
  at('2024-02-25T20:00:00Z', ['Nobody', 'Nowhere']), at('2024-03-09T20:00:00Z', ['Nobody', 'Nowhere']), at('2024-03-30T20:00:00Z', ['Nobody', 'Nowhere']),
  at('2024-03-11T12:00:00Z', ['Somebody', 'Somewhere'], 240), at('2024-03-11T12:05:00Z', ['Somebody', 'Somewhere'], 20),
];
const PERIODS = [['2024-03-01', '2024-03-31'], ['2024-02-20', '2024-03-15']] as const;
const TRACKS = 15; // the fixture library's 16, less the one the test removes

describe('one definition per figure, through the pages', () => {
  let s: Session;
  let heard: (l: Listen) => Heard;
  let trackIds: string[] = [];
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The rows of a table found by its accessible name (a chart's data table too, folded away in its <details>), as cell texts. */
  const cells = (page: Page, name: string) =>
    page.getByRole('table', { name, exact: true, includeHidden: true }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  const ready = (page: Page, id: string) => page.locator(`[data-testid="${id}"][data-ready="true"]`).waitFor({ timeout: 60_000 });
  const num = (text: string) => Number(text.replace(/[^\d.]/g, ''));

  it('ingests the fixture library and imports the generated history', async () => {
    const { page } = s;
    await openAndIngest(page);
    // Every 'the artist – full' file ties for a listen of that name and the first in the inventory
    // wins: bad/cut-short.flac, a track of one file. Removed (as a person may remove a broken
    // file), the next is deep/…/deep-track.ogg, a duplicate of formats/full.ogg: the listens then
    // match a duplicate file, and must count for the track it holds.
    const [[cut]] = (await sqlRows(page, "SELECT track_id FROM gold.track_facts WHERE path = 'library/bad/cut-short.flac'")) as [[string]];
    await page.goto(url(`/track/${cut}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Remove from library…' }).click();
    await page.getByRole('dialog', { name: 'Remove 1 track from the library?' }).getByRole('button', { name: 'Remove 1 track' }).click();
    await page.getByText('15 of 15 tracks').waitFor({ timeout: 60_000 });
    await waitIdle(page);
    const file = join(mkdtempSync(join(tmpdir(), 'wolfie-figures-')), 'Streaming_History_Audio_2024.json');
    writeFileSync(file, spotifyExtended(LISTENS));
    await page.goto(url('/'));
    await waitIdle(page);
    await page.locator('input[type=file][aria-label="Import listening history"]').setInputFiles(file);
    await page.locator('section[aria-label="Listening history import summary"]').waitFor({ timeout: 120_000 });
    await waitForRun(page);

    // What each generated recording is in the library, as the app resolved it: the track of the file it matched.
    const matched = await sqlRows(page, `SELECT m.match_key, f.track_id, f.is_canonical, f.file_count, l.artist, l.track_name, m.path
      FROM raw.track_matches m JOIN silver.track_files f ON f.path = m.path JOIN gold.listened_tracks l ON l.track_id = f.track_id`);
    const byKey = new Map(matched.map(([key, id, , , artist, name]) => [key!, { key: id!, artist: artist!, name: name! }]));
    heard = (l) => byKey.get(matchKey(l.artist, l.title)) ?? null;
    expect(heard(LISTENS[0]!)).not.toBeNull();
    expect(heard(at('2024-01-01T00:00:00Z', FULL))).not.toBeNull();
    expect(heard(at('2024-01-01T00:00:00Z', ['Nobody', 'Nowhere']))).toBeNull();
    const full = matched.find(([key]) => key === matchKey(...FULL))!;
    console.log(`[e2e figures] "the artist – full" matched ${full[6]} (${full[2] === 'true' ? 'the canonical file' : 'a duplicate file'} of a track with ${full[3]} files)`);
    expect([full[6], full[2]], 'the listens of "the artist – full" should match a duplicate file (see above)').toEqual(['library/deep/a/b/c/d/e/f/g/deep-track.ogg', 'false']);
    trackIds = (await sqlRows(page, 'SELECT track_id FROM gold.track_facts ORDER BY track_id')).map((r) => r[0]!);
    expect(trackIds).toHaveLength(TRACKS);
  });

  it("a track's plays and skips: /sql, the library table and the track page say the same, and what was generated", async () => {
    const { page } = s;
    const want = allTimeByTrack(LISTENS, heard);
    const facts = await sqlRows(page, 'SELECT track_id, path, coalesce(play_count, 0), coalesce(skip_count, 0), play_count FROM gold.track_facts ORDER BY track_id');
    for (const [id, , plays, skips] of facts) expect([Number(plays), Number(skips)], id).toEqual([want.get(id!)?.plays ?? 0, want.get(id!)?.skips ?? 0]);
    expect(want.get(heard(LISTENS[0]!)!.key)).toEqual({ plays: 5, skips: 1 }); // the placeholder-dated play counts all time

    await page.goto(url('/'));
    await waitIdle(page);
    const table = page.getByRole('table', { name: 'Tracks', exact: true });
    await table.getByRole('row').nth(TRACKS).waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    const [playsCol, pathCol] = [headers.findIndex((h) => h.startsWith('Plays')), headers.findIndex((h) => h.startsWith('Path'))];
    const rows = await table.getByRole('row').evaluateAll((rs) => rs.slice(1).map((r) => Array.from(r.querySelectorAll('[role=cell]'), (c) => c.textContent ?? '')));
    expect(rows).toHaveLength(TRACKS);
    // The column shows gold.track_facts.play_count as it is: empty when nothing ever counted the track.
    for (const [, path, , , raw] of facts) expect(rows.find((r) => r[pathCol] === path)?.[playsCol], path).toBe(raw);

    for (const id of new Set([...want.keys()])) {
      await page.goto(url(`/track/${id}`));
      await waitIdle(page);
      const dd = page.locator('dl.facts dt', { hasText: /^Plays$/ }).locator('xpath=following-sibling::dd[1]');
      await dd.waitFor();
      expect(num((await dd.innerText()).split('\n')[0]!), id).toBe(want.get(id)!.plays);
    }
  });

  it('never played: Library optimisation and /sql count the tracks without a play', async () => {
    const { page } = s;
    const played = [...allTimeByTrack(LISTENS, heard)].filter(([, c]) => c.plays > 0).length;
    await page.goto(url('/dashboards/library'));
    await ready(page, 'dash-library');
    await expect(page.getByText(/tracks never played/).first().innerText()).resolves.toMatch(new RegExp(`^${TRACKS - played} tracks never played`));
    const never = (await cells(page, 'Never and rarely played tracks')).filter((r) => r[0] === 'never');
    expect(never).toHaveLength(TRACKS - played);
    const [sqlNever] = await sqlRows(page, `SELECT count(*) FROM gold.track_facts WHERE coalesce(play_count, 0) = 0`);
    expect(Number(sqlNever![0])).toBe(TRACKS - played);
  });

  it('all time and per period: the Overview, the trends and the recap hold the same plays, minutes and top lists', async () => {
    const { page } = s;
    for (const [from, to] of [[null, null], ...PERIODS] as const) {
      const want = periodFigures(LISTENS, heard, from, to);
      const query = from ? `?from=${from}&to=${to}` : '';
      await page.goto(url(`/dashboards${query}`));
      await ready(page, 'dash-overview');
      const totals = (await page.getByRole('list', { name: 'Totals' }).innerText()).replace(/\s+/g, ' ');
      expect(totals, `${from}`).toContain(`${want.plays} plays (${want.skips} skips)`);
      expect(totals).toContain(`${(Math.round(want.ms / 360_000) / 10).toFixed(1)} h listened`);
      for (const [kind, expected] of [['Top artists', want.artists], ['Top tracks', want.tracks]] as const) {
        const bars = (await cells(page, `${kind}: data`)).map(([name, plays]) => ({ name: name!, count: Number(plays) }));
        expect(bars, `${kind} ${from}`).toEqual(topOf(expected, 10));
        expect(bars.reduce((n, b) => n + b.count, 0)).toBe(want.plays); // fewer than 10 here: the bars are every play
      }
      for (const kind of ['Top genres', 'Top labels']) expect((await cells(page, `${kind}: data`)).reduce((n, r) => n + Number(r[1]), 0), kind).toBe(want.plays);

      await page.goto(url(`/dashboards/trends${query}`));
      await ready(page, 'dash-trends');
      const series = await cells(page, `Plays per week: data`);
      expect(series.reduce((n, r) => n + Number(r[1]), 0), `trends ${from}`).toBe(want.plays);
      expect(series.reduce((n, r) => n + Number(r[2]), 0)).toBeCloseTo(want.ms / 60_000, 0);
      expect((await cells(page, 'When you listen: data')).reduce((n, r) => n + Number(r[2]), 0)).toBe(want.plays);
      expect((await cells(page, 'Plays per month by genre: data')).reduce((n, r) => n + Number(r[2]), 0)).toBe(want.plays);

      await page.goto(url('/playlists'));
      await waitIdle(page);
      const recap = page.locator('section[aria-labelledby="recap-h"]');
      await recap.getByLabel('From').fill(from ?? '2000-01-01');
      await recap.getByLabel('To (exclusive)').fill(to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : '2100-01-01');
      const line = recap.locator('p', { hasText: 'minutes' }).first();
      await expect.poll(() => line.innerText(), { timeout: 20_000 }).toContain(`${want.plays} plays`);
      expect(await line.innerText()).toContain(`${Math.round(want.ms / 60_000)} minutes listened (skips included)`);
      const list = async (title: string) => recap.getByRole('heading', { name: title, exact: true }).locator('xpath=..').locator('li').allInnerTexts();
      expect((await list('Top artists')).map((t) => t.replace(/ \((\d+)\)$/, ' $1')), `recap ${from}`).toEqual(topOf(want.artists, 5).map((a) => `${a.name} ${a.count}`));
      const tracks = await list('Top tracks');
      expect(tracks.map((t) => t.replace(/ \((\d+)( · \d+ all time)?\)$/, ' $1')), `recap ${from}`).toEqual(topOf(want.tracks, 5).map((a) => `${a.name} ${a.count}`));
      // Beside the period's plays, a library track shows its plays of all time: the table's figure.
      const withAllTime = tracks.filter((t) => t.includes('all time'));
      expect(withAllTime.length).toBeGreaterThan(0);
      for (const t of withAllTime) {
        const name = t.replace(/ \(\d+ · \d+ all time\)$/, '');
        const id = LISTENS.map(heard).find((h) => h?.name === name)!.key;
        expect(t).toContain(` · ${allTimeByTrack(LISTENS, heard).get(id)!.plays} all time)`);
      }
      console.log(`[e2e figures] ${from ?? 'all time'} to ${to ?? ''}: ${want.plays} plays, ${want.skips} skips, ${(want.ms / 60_000).toFixed(1)} min; ` +
        `top artist ${topOf(want.artists, 1)[0]?.name} (${topOf(want.artists, 1)[0]?.count}); Overview, trends (series, heatmap, breakdown) and recap agree`);
    }
  });
});
