// Issue 8 governance in Chromium: deleting a data-quality rule, a saved SQL query or a smart
// playlist asks first in the shared modal dialog (focus on Cancel, Escape keeps everything, no
// serious axe finding while it is open), and confirming deletes and leaves a line in meta.audit_log.
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSmartPlaylist, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

/** Serious or critical axe findings inside the open dialog. */
async function dialogViolations(page: Page): Promise<string[]> {
  // evaluate, not an inline <script>: the app's CSP rightly refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact: string | null; help: string }[] }> } };
    const r = await w.axe.run(document.querySelector('dialog[open]')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help}`);
  });
}

/** The dialog asks, starts on Cancel, passes axe, and Escape closes it without deleting anything. */
async function askThenEscape(page: Page, dialog: Locator) {
  await dialog.waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
  expect(await dialogViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

const auditLines = async (page: Page, actions: string[]) =>
  sqlRows(page, `SELECT action, details FROM meta.audit_log WHERE action IN (${actions.map((a) => `'${a}'`).join(', ')}) ORDER BY audit_id`);

describe('destructive actions ask first and are audited', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('deletes a data-quality rule only after confirmation', async () => {
    const { page } = s;
    await page.goto(url('/quality'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Add rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Rule id').fill('files_have_size');
    await form.getByLabel('Layer').selectOption('bronze');
    await form.getByLabel('Table').fill('raw.files');
    await form.getByLabel('Column').fill('size_bytes');
    await form.getByRole('button', { name: 'Save rule' }).click();
    const rules = page.getByRole('table', { name: 'Data-quality rules' });
    await rules.getByRole('cell', { name: 'files_have_size', exact: true }).waitFor();

    const dialog = page.getByRole('dialog', { name: 'Delete rule files_have_size?' });
    await page.getByRole('button', { name: 'Delete rule files_have_size' }).click();
    await askThenEscape(page, dialog);
    expect(await rules.getByRole('cell', { name: 'files_have_size', exact: true }).count()).toBe(1);
    expect(await sqlRows(page, "SELECT count(*) FROM meta.dq_rules WHERE rule_id = 'files_have_size'")).toEqual([['1']]);

    await page.goto(url('/quality'));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Delete rule files_have_size' }).click();
    await dialog.getByRole('button', { name: 'Delete rule', exact: true }).click();
    await rules.getByRole('cell', { name: 'files_have_size', exact: true }).waitFor({ state: 'detached' });
    expect(await sqlRows(page, "SELECT count(*) FROM meta.dq_rules WHERE rule_id = 'files_have_size'")).toEqual([['0']]);
    expect(await auditLines(page, ['rule-delete'])).toEqual([['rule-delete', 'Deleted rule files_have_size']]);
  });

  it('deletes a saved SQL query only after confirmation', async () => {
    const { page } = s;
    const openSaved = async () => {
      await page.goto(url('/sql'));
      await waitIdle(page);
      await page.getByText(/^Saved queries \(\d+\)$/).click();
    };
    await openSaved();
    await page.getByRole('textbox', { name: 'SQL' }).fill('SELECT 42 AS answer');
    await page.getByLabel('Name', { exact: true }).fill('Answer');
    await page.getByRole('button', { name: 'Save query' }).click();
    await page.getByRole('button', { name: 'Open Answer' }).waitFor();

    const dialog = page.getByRole('dialog', { name: 'Delete saved query Answer?' });
    await page.getByRole('button', { name: 'Delete Answer' }).click();
    await askThenEscape(page, dialog);
    expect(await page.getByRole('button', { name: 'Open Answer' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Delete Answer' }).click();
    await dialog.getByRole('button', { name: 'Delete query', exact: true }).click();
    await page.getByRole('button', { name: 'Open Answer' }).waitFor({ state: 'detached' });
    expect(await sqlRows(page, "SELECT count(*) FROM meta.settings WHERE key = 'saved_query:Answer'")).toEqual([['0']]);
    expect(await auditLines(page, ['query-save', 'query-delete'])).toEqual([
      ['query-save', 'Saved query “Answer”: SELECT 42 AS answer'],
      ['query-delete', 'Deleted saved query “Answer”'],
    ]);
  });

  it('deletes a smart playlist only after confirmation', async () => {
    const { page } = s;
    await saveSmartPlaylist(page, 'Never played');
    const remove = page.getByRole('button', { name: 'Delete smart playlist Never played' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Delete smart playlist Never played?' });
    await askThenEscape(page, dialog);
    expect(await remove.count()).toBe(1);

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete playlist', exact: true }).click();
    await remove.waitFor({ state: 'detached' });
    expect(await sqlRows(page, 'SELECT count(*) FROM raw.smart_playlists')).toEqual([['0']]);
    const lines = await auditLines(page, ['playlist-save', 'playlist-delete']);
    expect(lines.map(([action]) => action)).toEqual(['playlist-save', 'playlist-delete']);
    expect(lines[1]).toEqual(['playlist-delete', 'Deleted smart playlist “Never played”']);
  });
});
