// Drives Wolfie the way the acceptance checks do: through the contract's controls and status.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

export const FIXTURE_LIBRARY = resolve(__dirname, '../../fixtures/library');

export function url(path = '/'): string {
  return `${inject('baseURL')}${path}`;
}

export async function statusOf(page: Page) {
  return page.getByTestId('pipeline-status').getAttribute('data-state');
}

/** Waits until the status element says the app opened its library and is not running. */
export async function waitIdle(page: Page, timeout = 60_000) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="pipeline-status"]');
      return el && el.getAttribute('data-state') !== 'running' && !/Opening/.test(el.textContent ?? '');
    },
    undefined,
    { timeout },
  );
}

export async function chooseFolder(page: Page, folder = FIXTURE_LIBRARY) {
  await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
}

/** Opens the app and reads `folder` (the fixture library) into it, until the run succeeded. */
export async function openAndIngest(page: Page, folder = FIXTURE_LIBRARY) {
  await page.goto(url('/'));
  await waitIdle(page);
  await chooseFolder(page, folder);
  await waitForRun(page);
}

/** On /playlists: saves a one-rule smart playlist through the form. */
export async function saveSmartPlaylist(page: Page, name: string, rule = 'never') {
  await page.goto(url('/playlists'));
  await waitIdle(page);
  await page.getByLabel('Rule', { exact: true }).selectOption(rule);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Smart playlist name').fill(name);
  await page.getByRole('button', { name: 'Save smart playlist' }).click();
}

export async function waitForRun(page: Page, state: 'succeeded' | 'failed' = 'succeeded', timeout = 120_000) {
  await page.waitForSelector(`[data-testid="pipeline-status"][data-state="${state}"]`, { timeout });
}

/** Runs a read-only query through the /sql page, as the acceptance checks do. */
export async function sqlRows(page: Page, query: string): Promise<string[][]> {
  await page.goto(url('/sql'));
  await waitIdle(page);
  await page.getByRole('textbox', { name: 'SQL' }).fill(query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const table = page.getByRole('table', { name: 'Query result' });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')));
}

/** The first row of a result, failing clearly when there is none. */
export function firstRow(rows: string[][]): string[] {
  const row = rows[0];
  if (!row) throw new Error('The query returned no rows');
  return row;
}
