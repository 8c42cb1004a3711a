// Issue 16, "every file accounted for": a folder holding audio in formats Wolfie cannot read
// (tests/fixtures/unsupported: two .tta, a .tak, besides an MP3, a cover, notes and a hidden
// file). The run's toast names the formats, the library page lists every skipped file with its
// reason, and the hidden and non-audio ones are noted apart.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';
import { stubDirectoryPicker, writePickedFile } from './support/picked-folder';

const UNSUPPORTED = resolve(__dirname, '../fixtures/unsupported');

describe('skipped files on the library page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('says which formats were skipped, lists each file with its reason, and notes the rest', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page, UNSUPPORTED);
    await waitForRun(page);
    await page.getByRole('status').filter({ hasText: 'Library updated:' }).getByText(/3 in formats Wolfie cannot read \(TrueAudio 2, TAK 1\)/).waitFor();
    await page.getByText('1 of 1 tracks').waitFor();

    const region = page.getByRole('region', { name: 'Files not read' });
    const headline = region.getByText('3 files skipped: format not supported: TrueAudio (2), TAK (1)', { exact: true });
    await headline.waitFor();
    await region.getByText('Also left out: 2 files that are not audio and 1 hidden file or folder.').waitFor();
    await headline.click();
    const table = region.getByRole('table', { name: 'Skipped files' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map(([path, reason]) => [path, reason])).toEqual([
      ['unsupported/Album/01 Intro.tta', 'format not supported: TrueAudio'],
      ['unsupported/Album/02 Outro.tta', 'format not supported: TrueAudio'],
      ['unsupported/Album/03 Live.tak', 'format not supported: TAK'],
      ['unsupported/Album/cover.jpg', 'not audio (.jpg)'],
      ['unsupported/notes.txt', 'not audio (.txt)'],
      ['unsupported/.DS_Store', 'hidden file'],
    ]);
    expect(rows[0]![2]).toMatch(/^\d+ B$/);
  });

  it('records them in raw.skipped_files and counts them on the run', async () => {
    const { page } = s;
    const [skipped, seen] = firstRow(await sqlRows(page, 'SELECT files_skipped, files_seen FROM meta.runs ORDER BY run_id DESC LIMIT 1'));
    expect([skipped, seen]).toEqual(['6', '1']);
    expect(await sqlRows(page, 'SELECT reason_kind, count(*) FROM raw.skipped_files GROUP BY ALL ORDER BY ALL')).toEqual([
      ['hidden', '1'], ['not-audio', '2'], ['unsupported-format', '3'],
    ]);
    // Shown after a reload too: the list is data, not the last run's memory.
    s = await s.reopen();
    await s.page.goto(url('/'));
    await waitIdle(s.page);
    await s.page.getByRole('region', { name: 'Files not read' }).getByText('3 files skipped: format not supported: TrueAudio (2), TAK (1)').waitFor();
  });
});

describe('skipped files from a picked folder handle', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await stubDirectoryPicker(s.context);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists a hidden folder once, unread, beside the unsupported and non-audio files', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    const text = (t: string) => new TextEncoder().encode(t);
    const files: [string, Uint8Array][] = [
      ['full.mp3', readFileSync(`${UNSUPPORTED}/full.mp3`)],
      ['song.tta', text('TTA1 fake')],
      ['playlist.m3u', text('#EXTM3U')],
      ['.git/HEAD', text('ref: refs/heads/main')],
    ];
    for (const [path, bytes] of files) await writePickedFile(page, path, bytes);
    await page.getByRole('button', { name: 'Choose music folder' }).first().click();
    await waitForRun(page);
    expect(await sqlRows(page, 'SELECT path, reason, coalesce(size_bytes::VARCHAR, \'-\') FROM raw.skipped_files ORDER BY path')).toEqual([
      ['Picked Music/.git', 'hidden folder (not read)', '-'],
      ['Picked Music/playlist.m3u', 'not audio (.m3u)', '7'],
      ['Picked Music/song.tta', 'format not supported: TrueAudio', '9'],
    ]);
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('region', { name: 'Files not read' }).getByText('1 file skipped: format not supported: TrueAudio (1)').waitFor();
  });
});
