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
    // Two runs finish: the demo tracks, then the demo's listening history. Count them on the status element.
    await page.evaluate(() => {
      const status = document.querySelector('[data-testid="pipeline-status"]')!;
      const w = window as unknown as { finishedRuns: number };
      w.finishedRuns = 0;
      let last = status.getAttribute('data-state');
      new MutationObserver(() => {
        const now = status.getAttribute('data-state');
        if (last === 'running' && now === 'succeeded') w.finishedRuns++;
        last = now;
      }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
    });
    await page.getByRole('button', { name: 'Try the demo library' }).click();
    await page.waitForFunction(() => (window as unknown as { finishedRuns: number }).finishedRuns >= 2, undefined, { timeout: 180_000 });
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
    const kinds = (await sqlRows(page, 'SELECT kind FROM meta.runs ORDER BY run_id')).flat();
    expect(kinds).toEqual(['demo', 'import']);
    // The demo history: plays on the days it covers, some of them matched to demo tracks.
    const [days, played] = firstRow(await sqlRows(
      page,
      `SELECT (SELECT count(DISTINCT day) FROM gold.listening_daily), (SELECT count(*) FROM gold.track_facts WHERE play_count > 0)`,
    ));
    expect(Number(days)).toBeGreaterThan(30);
    expect(Number(played)).toBeGreaterThanOrEqual(2);
  });

  it('removes the demo in one step and returns to the empty start', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Remove demo library' }).click();
    await waitForRun(page);
    await page.getByRole('button', { name: 'Try the demo library' }).waitFor();
    // Each view re-reads on the run's change notice, one after another in DuckDB's one worker.
    await expect.poll(() => page.getByRole('link', { name: 'Demo data' }).count(), { timeout: 10_000 }).toBe(0);
    expect(await sqlRows(page, 'SELECT count(*) FROM gold.track_facts')).toEqual([['0']]);
    expect(await sqlRows(page, 'SELECT count(*) FROM raw.files WHERE is_demo AND deleted_at IS NULL')).toEqual([['0']]);
    // Its listening history goes with it.
    expect(await sqlRows(page, 'SELECT (SELECT count(*) FROM raw.listens) + (SELECT count(*) FROM gold.listening_daily)')).toEqual([['0']]);
  });
});
