// Rescan with a kept folder handle (Chromium): the folder comes from showDirectoryPicker (stubbed
// with an OPFS folder, as a test cannot click the native picker), its handle is kept in
// IndexedDB, and after a reload Rescan reads only new and changed files and tombstones deleted ones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const FORMATS = resolve(__dirname, '../fixtures/library/formats');

async function writeOpfsFile(page: Page, name: string, bytes: Buffer | null) {
  await page.evaluate(
    async ([fileName, base64]) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('Picked Music', { create: true });
      if (base64 === null) return dir.removeEntry(fileName);
      const writable = await (await dir.getFileHandle(fileName, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    },
    [name, bytes ? bytes.toString('base64') : null] as const,
  );
}

describe('rescan from the kept folder handle', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await s.context.addInitScript(() => {
      (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () =>
        (await navigator.storage.getDirectory()).getDirectoryHandle('Picked Music');
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reads the picked folder, then after a reload rescans only what changed', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    for (const f of ['full.mp3', 'full.flac', 'full.ogg']) await writeOpfsFile(page, f, readFileSync(`${FORMATS}/${f}`));
    await page.getByRole('button', { name: 'Choose music folder' }).first().click();
    await waitForRun(page);
    expect(firstRow(await sqlRows(page, 'SELECT count(*) FROM gold.track_facts'))).toEqual(['3']);

    // Change the folder: one file deleted, one added, one retagged (new bytes at the end).
    await writeOpfsFile(page, 'full.ogg', null);
    await writeOpfsFile(page, 'full.opus', readFileSync(`${FORMATS}/full.opus`));
    await writeOpfsFile(page, 'full.mp3', Buffer.concat([readFileSync(`${FORMATS}/full.mp3`), Buffer.from('TAG')]));

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
