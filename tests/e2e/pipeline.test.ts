// Issue 4 end to end: after ingesting the fixture folder, /quality shows rule results, /lineage
// the model graph with row counts, /pipeline the step graph; duplicates are one track with two
// files; a full rebuild runs as its own run and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openAndIngest, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

describe('the medallion pipeline in the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
    await openAndIngest(s.page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows data-quality results and the rules on /quality', async () => {
    const { page } = s;
    await page.goto(url('/quality'));
    await waitIdle(page);
    const results = page.getByRole('table', { name: 'Data-quality results' });
    await results.waitFor();
    expect(await results.locator('tbody tr').count()).toBeGreaterThan(15);
    await page.getByTestId('dq-summary').filter({ hasText: /rules checked/ }).waitFor();
    await results.getByRole('cell', { name: 'gold_contract_schema' }).waitFor();
    expect(await page.getByRole('table', { name: 'Data-quality rules' }).locator('tbody tr').count()).toBeGreaterThan(15);
    await page.getByRole('checkbox', { name: 'Enable rule gold_bpm_range' }).waitFor();
  });

  it('draws the model graph with row counts on /lineage', async () => {
    const { page } = s;
    await page.goto(url('/lineage'));
    await waitIdle(page);
    const node = page.locator('svg g[data-table="gold.track_facts"]');
    await node.waitFor();
    expect(await node.textContent()).toMatch(/16 rows/);
    await page.locator('svg g[data-table="silver.track_files"]').filter({ hasText: '19 rows' }).waitFor();
    expect(await page.getByRole('table', { name: 'Lineage' }).locator('tbody tr').count()).toBeGreaterThan(8);
  });

  it('keeps one gold row per distinct track and lineage, results and snapshots in meta', async () => {
    const [tracks, files, lineage, results, snaps] = firstRow(await sqlRows(
      s.page,
      `SELECT (SELECT count(*) FROM gold.track_facts), (SELECT count(*) FROM silver.track_files), (SELECT count(*) FROM meta.lineage),
              (SELECT count(*) FROM meta.dq_results), (SELECT count(*) FROM meta.snapshots)`,
    ));
    expect([tracks, files, snaps]).toEqual(['16', '19', '1']);
    expect(Number(lineage)).toBeGreaterThan(8);
    expect(Number(results)).toBeGreaterThan(15);
    const dupes = await sqlRows(s.page, `SELECT path FROM gold.duplicate_files WHERE NOT is_canonical ORDER BY path`);
    expect(dupes.flat()).toEqual(['library/deep/a/b/c/d/e/f/g/deep-track.ogg', 'library/formats/duplicate-of-full.mp3', 'library/Ünïcødé ♫/ساز.mp3']);
  });

  it('shows the step graph and runs a full rebuild from /pipeline', async () => {
    const { page } = s;
    await page.goto(url('/pipeline'));
    await waitIdle(page);
    await page.locator('svg g[data-step="publish"][data-state="succeeded"]').waitFor();
    await page.getByRole('button', { name: 'Full rebuild' }).click();
    await waitForRun(page);
    await page.locator('#run-select option', { hasText: 'rebuild' }).first().waitFor({ state: 'attached' });
    const [kind, state, tracks] = firstRow(await sqlRows(page, `SELECT kind, state, (SELECT count(*) FROM gold.track_facts) FROM meta.runs ORDER BY run_id DESC LIMIT 1`));
    expect([kind, state, tracks]).toEqual(['rebuild', 'succeeded', '16']);
  });
});
