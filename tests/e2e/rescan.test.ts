// Rescan with a kept folder handle (Chromium): the folder comes from showDirectoryPicker (stubbed
// with an OPFS folder, as a test cannot click the native picker), its handle is kept in
// IndexedDB, and after a reload Rescan reads only new and changed files and tombstones deleted ones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';
import { stubDirectoryPicker, writePickedFile } from './support/picked-folder';

const FORMATS = resolve(__dirname, '../fixtures/library/formats');

describe('rescan from the kept folder handle', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await stubDirectoryPicker(s.context);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the picked folder, then after a reload rescans only what changed', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    for (const f of ['full.mp3', 'full.flac', 'full.ogg']) await writePickedFile(page, f, readFileSync(`${FORMATS}/${f}`));
    await page.getByRole('button', { name: 'Choose music folder' }).first().click();
    await waitForRun(page);
    expect(firstRow(await sqlRows(page, 'SELECT count(*) FROM gold.track_facts'))).toEqual(['3']);

    // Change the folder: one file deleted, one added, one retagged (new bytes at the end).
    await writePickedFile(page, 'full.ogg', null);
    await writePickedFile(page, 'full.opus', readFileSync(`${FORMATS}/full.opus`));
    await writePickedFile(page, 'full.mp3', Buffer.concat([readFileSync(`${FORMATS}/full.mp3`), Buffer.from('TAG')]));

    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Rescan' }).click();
    await page.getByText(/Library updated/).waitFor({ timeout: 120_000 });
    await waitForRun(page);
    const [fresh, changed, deleted, read] = firstRow(await sqlRows(
      page,
      `SELECT r.files_new, r.files_changed, r.files_deleted, s.rows_in FROM meta.runs r JOIN meta.run_steps s USING (run_id)
       WHERE s.step = 'read_tags' ORDER BY run_id DESC LIMIT 1`,
    ));
    expect([fresh, changed, deleted, read]).toEqual(['1', '1', '1', '2']);
    const paths = (await sqlRows(page, 'SELECT path FROM gold.track_facts ORDER BY path')).flat();
    expect(paths).toEqual(['Picked Music/full.flac', 'Picked Music/full.mp3', 'Picked Music/full.opus']);
    expect(firstRow(await sqlRows(page, `SELECT count(*) FROM raw.files WHERE deleted_at IS NOT NULL`))).toEqual(['1']);
  });
});
