// Issue 10 demo library: on an empty start "Try the demo library" loads the bundled tracks
// through the ordinary pipeline, marked as demo, and "Remove demo library" takes them out in one step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

describe('demo library', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads the demo from an empty start and marks it as demo', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Try the demo library' }).click();
    await waitForRun(page);
    await page.getByRole('region', { name: 'Demo library' }).waitFor();
    await page.getByRole('link', { name: 'Demo data' }).waitFor(); // the header badge, on every page
    const [files, demo, paths] = firstRow(await sqlRows(
      page,
      `SELECT count(*), count(*) FILTER (WHERE is_demo), count(*) FILTER (WHERE path LIKE 'Wolfie demo/%') FROM raw.files WHERE deleted_at IS NULL`,
    ));
    expect([files, demo, paths]).toEqual(['7', '7', '7']);
    const [gold, healthy] = firstRow(await sqlRows(page, 'SELECT count(*), count(*) FILTER (WHERE error IS NULL) FROM gold.track_facts'));
    expect(Number(gold)).toBeGreaterThan(0);
    expect(healthy).toBe(gold);
    const [kind] = firstRow(await sqlRows(page, 'SELECT kind FROM meta.runs ORDER BY run_id DESC LIMIT 1'));
    expect(kind).toBe('demo');
  });

  it('removes the demo in one step and returns to the empty start', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Remove demo library' }).click();
    await waitForRun(page);
    await page.getByRole('button', { name: 'Try the demo library' }).waitFor();
    expect(await page.getByRole('link', { name: 'Demo data' }).count()).toBe(0);
    expect(await sqlRows(page, 'SELECT count(*) FROM gold.track_facts')).toEqual([['0']]);
    expect(await sqlRows(page, 'SELECT count(*) FROM raw.files WHERE is_demo AND deleted_at IS NULL')).toEqual([['0']]);
  });
});
