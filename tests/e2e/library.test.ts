// Issue 2 end to end: choose a folder, watch it ingest, see the rows, export CSV, reload and
// find everything still there, rescan incrementally.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/ui/pages/library/export-csv';
import { chooseFolder, firstRow, openAndIngest, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

describe('ingest a folder into the persistent lakehouse', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('welcomes an empty start and ingests the fixture folder', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('heading', { name: 'Understand your music collection' }).waitFor();
    await chooseFolder(page);
    await waitForRun(page);
    await page.getByText('16 of 16 tracks').waitFor();
    // Bad files are rows with a reason, listed under the table.
    await page.getByText(/\d+ files with problems/).click();
    await page.getByRole('table', { name: 'Files with problems' }).getByRole('cell', { name: 'library/bad/zero-bytes.mp3' }).waitFor();
  });

  it('keeps every file, one gold row per distinct track, with reasons for the bad ones', async () => {
    const [files, unicode, deep] = firstRow(await sqlRows(
      s.page,
      `SELECT count(*), count(*) FILTER (WHERE path = 'library/Ünïcødé ♫/ساز.mp3'),
              count(*) FILTER (WHERE path LIKE 'library/deep/a/b/c/d/e/f/g/%') FROM raw.files`,
    ));
    expect([files, unicode, deep]).toEqual(['19', '1', '1']);
    // Three copies of full.mp3 and two of full.ogg are the same audio: one track each.
    expect(firstRow(await sqlRows(s.page, 'SELECT count(*) FROM gold.track_facts'))).toEqual(['16']);
    const [skipped, seen] = firstRow(await sqlRows(s.page, 'SELECT files_skipped, files_seen FROM meta.runs ORDER BY run_id DESC LIMIT 1'));
    expect([skipped, seen]).toEqual(['5', '19']);
    const failed = (await sqlRows(s.page, 'SELECT path, error FROM gold.track_facts WHERE error IS NOT NULL ORDER BY path')).map(([p]) => p);
    // Tags: empty, random bytes, a 37-byte "ogg", an unparseable date; analysis: a FLAC cut after its header.
    for (const p of ['bad/random-bytes.flac', 'bad/truncated.ogg', 'bad/zero-bytes.mp3', 'formats/bad-date.mp3', 'bad/cut-short.flac']) {
      expect(failed).toContain(`library/${p}`);
    }
    const [title, format] = firstRow(await sqlRows(s.page, `SELECT title, format FROM gold.track_facts WHERE path = 'library/formats/full.flac'`));
    expect([title, format]).toEqual(['full', 'flac']);
  });

  it('analyses the audio: tempo, key with Camelot, loudness, energy and a waveform', async () => {
    const [bpm, key, camelot, lufs, peak, energy, analysedBy] = firstRow(await sqlRows(
      s.page,
      `SELECT bpm, key, camelot, loudness_lufs, true_peak_dbtp, energy, analysed_by FROM gold.track_facts WHERE path LIKE 'library/Orchestra/%'`,
    ));
    expect(Number(bpm)).toBeGreaterThan(40);
    expect(Number(bpm)).toBeLessThan(250);
    expect(key).toMatch(/^(C|C#|D|Eb|E|F|F#|G|Ab|A|Bb|B) (major|minor)$/);
    expect(camelot).toMatch(/^\d{1,2}[AB]$/);
    expect(Number(lufs)).toBeGreaterThan(-40);
    expect(Number(lufs)).toBeLessThan(0);
    expect(Number(peak)).toBeLessThan(1);
    expect(Number(energy)).toBeGreaterThan(0);
    expect(analysedBy).toMatch(/^wolfie-analysis \d+\.\d+\.\d+$/);
    const [waveformBytes] = firstRow(await sqlRows(s.page, `SELECT octet_length(waveform) FROM raw.analysis WHERE path LIKE 'library/Orchestra/%'`));
    expect(Number(waveformBytes)).toBeGreaterThan(500);
    expect(Number(waveformBytes)).toBeLessThan(20_000);
  });

  it('exports gold.track_facts as CSV with the contract columns', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export tracks (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.data[0]).toEqual(EXPORT_COLUMNS);
    expect(parsed.data).toHaveLength(17);
  });

  it('keeps the library across a reload without re-reading, and rescans incrementally', async () => {
    s = await s.reopen();
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByText('16 of 16 tracks').waitFor();
    expect(await sqlRows(page, 'SELECT count(*) FROM meta.runs')).toEqual([['1']]);
    await openAndIngest(page);
    const [files_new, files_changed, read] = firstRow(await sqlRows(
      page,
      `SELECT r.files_new, r.files_changed, s.rows_in FROM meta.runs r JOIN meta.run_steps s USING (run_id)
       WHERE s.step = 'read_tags' ORDER BY run_id DESC LIMIT 1`,
    ));
    expect([files_new, files_changed, read]).toEqual(['0', '0', '0']);
    // Nothing changed, so nothing is analysed again.
    expect(await sqlRows(page, `SELECT count(*) FROM meta.run_steps WHERE step = 'analyse' AND run_id = (SELECT max(run_id) FROM meta.runs)`)).toEqual([['0']]);
  });

  it('shows the track page with a waveform that plays from where it is clicked', async () => {
    // The player reads the files of this session's pick (a webkitdirectory pick leaves no handle
    // that survives a reload), so choose the folder, then navigate inside the app.
    const { page } = s;
    await openAndIngest(page);
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('Hungarian');
    await page.getByRole('row').filter({ hasText: 'Orchestra' }).first().click();
    const waveform = page.getByRole('slider', { name: /Waveform/ });
    await waveform.waitFor();
    await page.getByText(/Measured by wolfie-analysis/).waitFor();
    // Row-level lineage: each value names its source (issue 4).
    const facts = page.locator('dl.facts');
    await facts.getByText(/^Source: tag \(Vorbis comment\) of this file, read by music-metadata [\d.]+, run \d+$/).first().waitFor();
    await facts.getByText(/^Source: analyser wolfie-analysis [\d.]+ \(essentia\.js and its own DSP\) on this file, run \d+$/).first().waitFor();
    const lineage = page.getByRole('region', { name: 'Where these values came from' });
    await lineage.getByText(/^This row of gold\.track_facts was built by run \d+ from silver\.tracks/).waitFor();
    await lineage.getByText(/^Tags: Vorbis comment, read by music-metadata [\d.]+ from library\/Orchestra\/.+\.ogg in run \d+/).waitFor();
    const box = (await waveform.boundingBox())!;
    await waveform.click({ position: { x: box.width / 2, y: box.height / 2 } });
    // The playhead jumps to the clicked point, about half-way through the track.
    await page.waitForFunction(
      () => {
        const el = document.querySelector('[role=slider][aria-label^=Waveform]');
        return Number(el?.getAttribute('aria-valuenow')) >= Number(el?.getAttribute('aria-valuemax')) * 0.4;
      },
      undefined,
      { timeout: 20_000 },
    );
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  it('lists every table in the catalog with its rows and size', async () => {
    const { page } = s;
    await page.goto(url('/catalog'));
    await waitIdle(page);
    const tables = page.getByRole('table', { name: 'Tables of the lakehouse' });
    await tables.getByRole('columnheader', { name: 'Size' }).waitFor();
    const facts = tables.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'gold.track_facts', exact: true }) });
    const cells = await facts.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('table');
    expect(cells[1]).toBe('16');
    expect(cells[2]).toMatch(/^\d+(\.\d)? (KB|MB)$/);
    expect(cells[3]).toMatch(/contract/i);
  });

  it('rates a track from the library table without opening it', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('Hungarian');
    const group = page.getByRole('group', { name: /^Rating of .*Hungarian/ });
    const fourStars = group.getByRole('button', { name: '4 stars' });
    await fourStars.click();
    await expect.poll(() => fourStars.getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    // aria-busy clears once the rating is written (leaving the page earlier would abandon the write).
    await expect.poll(() => group.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    expect(page.url()).toBe(url('/'));
    const [rating] = firstRow(await sqlRows(page, 'SELECT rating FROM raw.user_ratings ORDER BY rated_at DESC LIMIT 1'));
    expect(Number(rating)).toBe(4);
    // Issue 15: in gold at once, without a run, and still there after a reload.
    const [gold] = firstRow(await sqlRows(page, "SELECT rating FROM gold.track_facts WHERE title LIKE '%Hungarian%'"));
    expect(Number(gold)).toBe(4);
    await page.reload();
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('Hungarian');
    await expect.poll(() => page.getByRole('group', { name: /^Rating of .*Hungarian/ }).getByRole('button', { name: '4 stars' }).getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    expect(await page.getByRole('group', { name: /^Rating of .*Hungarian/ }).getByRole('button', { name: '5 stars' }).getAttribute('aria-pressed')).toBe('false');
  });
});
