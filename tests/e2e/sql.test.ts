// The SQL explorer of the contract: textbox SQL, Run, Export CSV (a download), a result <table>;
// writes are refused with a clear message and change nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

describe('SQL explorer', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs a query into a table and exports it as CSV', async () => {
    const rows = await sqlRows(s.page, "SELECT 'a' AS name, 2 AS n UNION ALL SELECT 'b', 3 ORDER BY name");
    expect(rows).toEqual([['a', '2'], ['b', '3']]);
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('wolfie-query.csv');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.replace(/^\ufeff/, '').trim().split(/\r\n/)).toEqual(['name,n', 'a,2', 'b,3']);
    // Small results also get a chart.
    await expect(s.page.locator('figure.chart svg').count()).resolves.toBe(1);
  });

  it('exports Parquet', async () => {
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Export Parquet' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
  });

  it('refuses writes with a clear message and changes nothing', async () => {
    await s.page.goto(url('/sql'));
    await waitIdle(s.page);
    for (const statement of ["INSERT INTO meta.settings VALUES ('x', 'y', 'z')", 'DROP TABLE meta.settings', 'SELECT 1; DELETE FROM meta.settings']) {
      await s.page.getByRole('textbox', { name: 'SQL' }).fill(statement);
      await s.page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(s.page.locator('main [role=alert]').innerText()).resolves.toMatch(/Refused|not a query|did not accept/i);
    }
    const [[n]] = (await sqlRows(s.page, "SELECT count(*) FROM meta.settings WHERE key = 'x'")) as [[string]];
    expect(n).toBe('0');
  });
});
