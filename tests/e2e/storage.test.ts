// Issue 8 end to end: storage on /settings (usage, quota, persistence asked at the first ingest,
// size per schema), the low-space warning under a small quota (set through the DevTools
// protocol), a quota error mid-run that fails cleanly, and Reset library behind a dialog.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

async function setQuota(s: Session, page: Page, bytes: number | undefined) {
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(url('/')).origin, ...(bytes === undefined ? {} : { quotaSize: bytes }) });
}

describe('storage and reset', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('asks for persistence at the first ingest and shows usage, quota and each schema', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page);
    await page.getByRole('region', { name: 'Notifications' }).getByText(/Storage is persistent|did not make storage persistent/).first().waitFor({ timeout: 60_000 });
    await waitForRun(page);
    await page.goto(url('/settings'));
    await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/Using [\d.]+ [KMG]?B of [\d.]+ [KMG]?B available/);
    const sizes = page.getByRole('table', { name: 'Size of each schema' });
    for (const schema of ['raw', 'bronze', 'silver', 'gold', 'meta', 'snap']) await sizes.getByRole('cell', { name: schema, exact: true }).waitFor();
    await page.getByRole('table', { name: 'Audit log' }).getByRole('cell', { name: 'ingest', exact: true }).waitFor();
  });

  it('warns before work when the quota is nearly used up', async () => {
    // Chromium's Storage.overrideQuotaForOrigin limits writes but not what estimate() reports, so
    // this one test replaces estimate() with 150 MB free of 10 GB (below the 200 MB threshold).
    const low = await openSession();
    try {
      await low.page.addInitScript(() => {
        navigator.storage.estimate = async () => ({ usage: 10_000_000_000 - 150 * 1024 * 1024, quota: 10_000_000_000 });
      });
      await low.page.goto(url('/settings'));
      await low.page.getByRole('alert').filter({ hasText: 'Storage is nearly full' }).waitFor();
      await low.page.goto(url('/'));
      await waitIdle(low.page);
      await chooseFolder(low.page);
      await low.page.getByRole('region', { name: 'Notifications' }).getByText(/Storage is nearly full: 150 MB free/).waitFor();
      await waitForRun(low.page);
    } finally {
      await low.close();
    }
  });

  it('a quota error mid-run fails the run and leaves the library as it was', async () => {
    const { page } = s;
    const before = firstRow(await sqlRows(page, 'SELECT count(*) AS n, max(run_id) AS runs FROM gold.track_facts'));
    // No room left at all: the next write to the database file is refused by the browser.
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    await setQuota(s, page, usage);
    await page.goto(url('/pipeline'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Full rebuild' }).click();
    const state = await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="pipeline-status"]');
      const st = el?.getAttribute('data-state');
      return st === 'failed' || st === 'succeeded' ? st : null;
    }, undefined, { timeout: 120_000 });
    const outcome = await state.jsonValue();
    const said = await page.getByRole('region', { name: 'Notifications' }).textContent();
    await setQuota(s, page, undefined);
    console.log(`[figure] what the person was told: ${said}`);
    const [run] = await sqlRows(page, 'SELECT state, error FROM meta.runs ORDER BY run_id DESC LIMIT 1');
    console.log(`[figure] full rebuild with zero free quota: ${outcome}; last run: ${run?.join(' | ')}`);
    // A full rebuild must write, so with no room it fails; and the person is told it was the
    // storage and what to do, not the engine's crash (DuckDB-WASM surfaces a refused OPFS write
    // as "Maximum call stack size exceeded").
    expect(outcome).toBe('failed');
    expect(said).toMatch(/Storage is full/);
    expect(said).toMatch(/free disk space, remove old snapshots .*export a backup/);
    expect(said).not.toMatch(/call stack/i);
    // The failure is on record once the database opens again (sqlRows loads /sql afresh), even
    // though no room was left to write it at the time.
    expect(run?.[0]).toBe('failed');
    expect(run?.[1]).toMatch(/^Step "[a-z_]+" failed: Storage is full/);
    // Whatever the browser let through, the library must still answer with the same tracks.
    const after = firstRow(await sqlRows(page, 'SELECT count(*) AS n, max(run_id) AS runs FROM gold.track_facts'));
    expect(after[0]).toBe(before[0]);
    // With room again (and the database reopened from its file), the next run works.
    await page.reload();
    expect(firstRow(await sqlRows(page, 'SELECT count(*) AS n, max(run_id) AS runs FROM gold.track_facts'))).toEqual(before);
    const [reloaded] = await sqlRows(page, 'SELECT state, error FROM meta.runs ORDER BY run_id DESC LIMIT 1');
    expect(reloaded).toEqual(run);
    await page.goto(url('/pipeline'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Full rebuild' }).click();
    await waitForRun(page);
  });

  it('Reset library asks first (Escape keeps everything) and then deletes the library', async () => {
    const { page } = s;
    await page.goto(url('/settings'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Reset library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the whole library from this browser?' });
    await dialog.waitFor();
    // Focus starts on Cancel: Enter alone never destroys anything.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(Number(firstRow(await sqlRows(page, 'SELECT count(*) FROM gold.track_facts'))[0])).toBeGreaterThan(0);
    await page.goto(url('/settings'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Reset library' }).click();
    await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Delete everything' }).click()]);
    await waitIdle(page);
    // gold tables appear with the first run; the migrated, empty inventory is what a reset leaves.
    expect(firstRow(await sqlRows(page, 'SELECT (SELECT count(*) FROM raw.files) AS files, (SELECT count(*) FROM meta.runs) AS runs'))).toEqual(['0', '0']);
  });
});
