// Issue 8, "delete tracks": removing tracks asks first, runs as one recorded run, is in the audit
// log, and survives choosing the same folder again (the files are still on disk); Settings brings
// them back at the next read of the folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolder, openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

describe('removing tracks from the library', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await openAndIngest(s.page);
    await s.page.getByText('16 of 16 tracks').waitFor();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('asks first; Escape keeps the tracks, confirming removes the shown ones as a recorded run', async () => {
    const { page } = s;
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('Hungarian');
    await page.getByText('1 of 16 tracks').waitFor();
    await page.getByRole('button', { name: 'Remove shown…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove 1 track from the library?' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('1 of 16 tracks').waitFor();

    await page.getByRole('button', { name: 'Remove shown…' }).click();
    await dialog.getByRole('button', { name: 'Remove 1 track' }).click();
    await page.getByText(/Removed 1 track from the library/).waitFor({ timeout: 60_000 });
    await page.getByText('15 of 15 tracks').waitFor(); // the search is cleared after a removal
    await waitIdle(page);
    expect(await sqlRows(page, "SELECT kind, state, files_deleted FROM meta.runs WHERE kind = 'remove'")).toEqual([['remove', 'succeeded', '1']]);
    const [audit] = await sqlRows(page, "SELECT action, details FROM meta.audit_log WHERE action = 'delete-tracks'");
    expect(audit?.[1]).toMatch(/^Removed 1 track \(1 file\) from the library: The track matching "Hungarian" \(run \d+\)$/);
  });

  it('removes one track from its page, and a new read of the folder leaves both out', async () => {
    const { page } = s;
    const [[id]] = (await sqlRows(page, "SELECT track_id FROM gold.track_facts WHERE path LIKE '%solo-trumpet%'")) as [[string]];
    await page.goto(url(`/track/${id}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Remove from library…' }).click();
    await page.getByRole('dialog', { name: 'Remove 1 track from the library?' }).getByRole('button', { name: 'Remove 1 track' }).click();
    await page.getByText('14 of 14 tracks').waitFor({ timeout: 60_000 });
    expect(page.url()).toBe(url('/'));

    await chooseFolder(page);
    await page.getByText(/Library updated: .*2 files you removed from the library left out/).waitFor({ timeout: 120_000 });
    await page.getByText('14 of 14 tracks').waitFor();
  });

  it('brings the removed tracks back at the next read of the folder', async () => {
    const { page } = s;
    await page.goto(url('/settings'));
    await waitIdle(page);
    await page.getByText('2 files are left out of the library').waitFor();
    await page.getByRole('button', { name: 'Bring them back at the next rescan' }).click();
    await page.getByText(/2 removed files will be read again/).waitFor();
    await page.getByRole('table', { name: 'Audit log' }).getByRole('cell', { name: 'restore-tracks' }).waitFor();

    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page);
    await page.getByText('16 of 16 tracks').waitFor({ timeout: 120_000 });
  });
});
