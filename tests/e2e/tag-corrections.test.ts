// Issue 16, "edit what is wrong": a title corrected on a track's page shows in the library table,
// in gold.track_facts and in the page's lineage as your correction, survives a reload, and
// reverts to the tag; a search's tracks are corrected together after a question with the count.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openAndIngest, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

/** axe-core's serious and critical findings on the page as it is now (an open form or dialog included). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: unknown[] }[] };
    const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id} (${v.nodes.length}×)`);
  });
}

describe('correcting tags', () => {
  let s: Session;
  let id = '';
  let tagTitle = '';
  beforeAll(async () => {
    s = await openSession();
    await openAndIngest(s.page);
    await s.page.getByText('16 of 16 tracks').waitFor();
    [id, tagTitle] = firstRow(await sqlRows(s.page, "SELECT track_id, title FROM gold.track_facts WHERE path LIKE '%Orchestra%'")) as [string, string];
  });
  afterAll(async () => {
    await s?.close();
  });

  it('edits a title on the track page: the table, gold and the lineage show it, also after a reload', async () => {
    const { page } = s;
    await page.goto(url(`/track/${id}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    const form = page.getByRole('form', { name: 'Edit tags' });
    await form.getByLabel('Title', { exact: true }).fill('  Ungarischer Tanz Nr. 5 ');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: /– Ungarischer Tanz Nr\. 5$/ }).waitFor({ timeout: 60_000 });
    await waitForRun(page);
    await form.waitFor({ state: 'hidden' });
    await page.getByText(/^Source: your correction, \d{4}-\d\d-\d\d \d\d:\d\d; the tag says "/).waitFor();
    await page.getByText(`; the tag says "${tagTitle}"`, { exact: false }).first().waitFor();
    await page.getByTestId('track-lineage').getByText(/^Your corrections .*: title "Ungarischer Tanz Nr\. 5" on \d{4}-\d\d-\d\d \d\d:\d\d, the tag says "/).waitFor();

    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('ungarischer');
    await page.getByText('1 of 16 tracks').waitFor();
    await page.getByText('Ungarischer Tanz Nr. 5', { exact: true }).waitFor();

    expect(await sqlRows(page, `SELECT title FROM gold.track_facts WHERE track_id = '${id}'`)).toEqual([['Ungarischer Tanz Nr. 5']]);
    expect(await sqlRows(page, "SELECT field, value FROM raw.tag_corrections")).toEqual([['title', 'Ungarischer Tanz Nr. 5']]);
    expect(await sqlRows(page, "SELECT kind, state FROM meta.runs WHERE kind = 'correct'")).toEqual([['correct', 'succeeded']]);
    const [audit] = await sqlRows(page, "SELECT details FROM meta.audit_log WHERE action = 'correct-tags'");
    expect(audit?.[0]).toMatch(/^Corrected title to "Ungarischer Tanz Nr. 5" on ".*" \(1 file, run \d+\); the files are not written$/);

    await page.goto(url(`/track/${id}`));
    await page.reload();
    await waitIdle(page);
    await page.getByRole('heading', { level: 1, name: /– Ungarischer Tanz Nr\. 5$/ }).waitFor();
    expect(await sqlRows(page, `SELECT title FROM gold.track_facts WHERE track_id = '${id}'`)).toEqual([['Ungarischer Tanz Nr. 5']]);
  });

  it('fits a 390 px screen, and reverting brings the tag back', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(url(`/track/${id}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    const form = page.getByRole('form', { name: 'Edit tags' });
    await expect.poll(() => form.getByLabel('Artist', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await form.getByLabel('Year', { exact: true }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByRole('button', { name: 'Revert to tag (Title)' }).click();
    await expect.poll(() => form.getByLabel('Title', { exact: true }).inputValue()).toBe(tagTitle);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`– ${tagTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout: 60_000 });
    await waitForRun(page);
    expect(await sqlRows(page, 'SELECT count(*) FROM raw.tag_corrections')).toEqual([['0']]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('corrects the tracks a search shows, after asking with the count', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await page.getByRole('searchbox', { name: 'Search tracks' }).fill('formats/full');
    const shown = Number(/^(\d+) of 16 tracks$/.exec((await page.getByText(/^\d+ of 16 tracks$/).textContent()) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Edit shown…' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${shown} tracks shown` });
    await edit.getByLabel('Field').selectOption('year');
    await edit.getByLabel('New value').fill('20x4');
    await edit.getByRole('button', { name: `Apply to ${shown} tracks…` }).click();
    await edit.getByText(/^Year must be a whole number from 1000 to 2999/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByLabel('New value').fill('1984');
    await edit.getByRole('button', { name: `Apply to ${shown} tracks…` }).click();
    const confirm = page.getByRole('dialog', { name: `Change year of ${shown} tracks?` });
    await confirm.getByText(`Year becomes "1984" on the ${shown} tracks matching "formats/full".`).waitFor();
    await confirm.getByRole('button', { name: `Change ${shown} tracks` }).click();
    await page.getByText(/^Saved: year to "1984"/).waitFor({ timeout: 60_000 });
    await waitForRun(page);
    expect(await sqlRows(page, "SELECT count(*) FROM gold.track_facts WHERE year = 1984 AND path LIKE 'library/formats/full.%'")).toEqual([[String(shown)]]);
  });

  it('splits a corrected artist credit on a separator chosen in Settings, with no file read again', async () => {
    const { page } = s;
    await page.goto(url(`/track/${id}`));
    await waitIdle(page);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    const form = page.getByRole('form', { name: 'Edit tags' });
    await form.getByLabel('Artist', { exact: true }).fill('Alpha x Beta');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: /^Alpha x Beta – / }).waitFor({ timeout: 60_000 });
    await waitForRun(page);
    const credits = () => sqlRows(page, `SELECT string_agg(artist_name, ' | ' ORDER BY credit_order) FROM silver.track_artists WHERE track_id = '${id}'`);
    expect(await credits()).toEqual([['Alpha x Beta']]);

    await page.goto(url('/settings'));
    await waitIdle(page);
    const choices = page.getByRole('group', { name: 'Split artist credits on' });
    await expect.poll(() => choices.getByRole('checkbox', { name: 'comma: "A, B"' }).isChecked()).toBe(true);
    await choices.getByRole('checkbox', { name: 'x: "A x B"' }).check();
    await page.getByRole('button', { name: 'Save and split credits again' }).click();
    await page.getByText(/^Artist credits now split on /).waitFor({ timeout: 60_000 });
    await waitForRun(page);
    expect(await credits()).toEqual([['Alpha | Beta']]);
    expect(await sqlRows(page, "SELECT kind, files_seen FROM meta.runs ORDER BY run_id DESC LIMIT 1")).toEqual([['rebuild', '0']]);
    const [audit] = await sqlRows(page, "SELECT details FROM meta.audit_log WHERE action = 'setting' ORDER BY audit_id DESC LIMIT 1");
    expect(audit?.[0]).toBe('Artist separators ";" "/" "," " & " -> ";" "/" "," " & " " x "');
  });
});
