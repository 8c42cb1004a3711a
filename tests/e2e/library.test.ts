// Issue 2 end to end: choose a folder, watch it ingest, see the rows, export CSV, reload and
// find everything still there, rescan incrementally.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/ui/pages/library/export-csv';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
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
    await page.getByText('19 of 19 tracks').waitFor();
    // Bad files are rows with a reason, listed under the table.
    await page.getByText(/\d+ files with problems/).click();
    await page.getByRole('table', { name: 'Files with problems' }).getByRole('cell', { name: 'library/bad/zero-bytes.mp3' }).waitFor();
  });

  it('stores one gold row per audio file, with reasons for the bad ones', async () => {
    const [total, failed, unicode, deep] = firstRow(await sqlRows(
      s.page,
      `SELECT count(*), count(error), count(*) FILTER (WHERE path = 'library/Ünïcødé ♫/ساز.mp3'),
              count(*) FILTER (WHERE path LIKE 'library/deep/a/b/c/d/e/f/g/%') FROM gold.track_facts`,
    ));
    expect([total, unicode, deep]).toEqual(['19', '1', '1']);
    expect(failed).toBe('4');
    const failedPaths = await sqlRows(s.page, 'SELECT path FROM gold.track_facts WHERE error IS NOT NULL ORDER BY path');
    // cut-short.flac keeps a readable header, so its tags read; decoding it is the analyser's job.
    expect(failedPaths.flat()).toEqual(['library/bad/random-bytes.flac', 'library/bad/truncated.ogg', 'library/bad/zero-bytes.mp3', 'library/formats/bad-date.mp3']);
    const [skipped, seen] = firstRow(await sqlRows(s.page, 'SELECT files_skipped, files_seen FROM meta.runs ORDER BY run_id DESC LIMIT 1'));
    expect([skipped, seen]).toEqual(['5', '19']);
    const [title, format] = firstRow(await sqlRows(s.page, `SELECT title, format FROM gold.track_facts WHERE path = 'library/formats/full.flac'`));
    expect([title, format]).toEqual(['full', 'flac']);
  });

  it('exports gold.track_facts as CSV with the contract columns', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export tracks (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const parsed = Papa.parse<string[]>(text.trim());
    expect(parsed.data[0]).toEqual(EXPORT_COLUMNS);
    expect(parsed.data).toHaveLength(20);
  });

  it('keeps the library across a reload without re-reading, and rescans incrementally', async () => {
    s = await s.reopen();
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByText('19 of 19 tracks').waitFor();
    expect(await sqlRows(page, 'SELECT count(*) FROM meta.runs')).toEqual([['1']]);
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page);
    await waitForRun(page);
    const [files_new, files_changed, read] = firstRow(await sqlRows(
      page,
      `SELECT r.files_new, r.files_changed, s.rows_in FROM meta.runs r JOIN meta.run_steps s USING (run_id)
       WHERE s.step = 'read_tags' ORDER BY run_id DESC LIMIT 1`,
    ));
    expect([files_new, files_changed, read]).toEqual(['0', '0', '0']);
  });
});
