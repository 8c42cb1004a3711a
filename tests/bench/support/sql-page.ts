// Reads query results through the app's /sql page, as a person (and the acceptance checks) would.
import type { Page } from 'playwright-core';
import { libraryOpen } from './app-server';

/** Each query loads /sql afresh, so the result table of an earlier query is never read as this one's. */
export async function queryViaSqlPage(page: Page, baseUrl: string, sql: string): Promise<string[][]> {
  await page.goto(`${baseUrl}/sql`);
  await libraryOpen(page);
  await page.getByRole('textbox', { name: 'SQL' }).fill(sql);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('table[aria-label="Query result"], [role=alert]');
  const alert = await page.locator('main [role=alert]').count();
  if (alert) throw new Error(`Query failed: ${await page.locator('main [role=alert]').innerText()}`);
  return page.getByRole('table', { name: 'Query result' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')),
  );
}
