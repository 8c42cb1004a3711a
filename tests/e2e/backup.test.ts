// Issue 8 end to end: ingest the fixture library, Export backup, restore it into a fresh browser
// profile and compare query results; an encrypted round-trip; a damaged backup changes nothing.
import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openAndIngest, sqlRows, url, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const KEY_TABLES = ['gold.track_facts', 'raw.files', 'raw.tag_reads', 'raw.analysis', 'silver.tracks', 'meta.runs', 'meta.dq_results', 'meta.lineage'];
// Row count and an order-independent md5 over every row's text, per key table.
const FINGERPRINT = KEY_TABLES.map((t) => `SELECT '${t}' AS t, count(*) AS n, md5(coalesce(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR), '')) AS h FROM ${t} x`).join(' UNION ALL ') + ' ORDER BY t';
const dir = mkdtempSync(join(tmpdir(), 'wolfie-backup-'));

async function exportBackup(page: Page, passphrase = ''): Promise<{ file: string; message: string }> {
  await page.goto(url('/settings'));
  await waitIdle(page);
  await page.getByLabel(/Backup passphrase/).fill(passphrase);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const message = (await page.getByTestId('backup-message').textContent()) ?? '';
  return { file, message };
}

/** Chooses a backup on /settings; confirms when asked. Resolves to the message and its kind. */
async function restore(page: Page, file: string, passphrase = ''): Promise<{ kind: string; text: string }> {
  await page.goto(url('/settings'));
  await waitIdle(page);
  await page.getByLabel(/Backup passphrase/).fill(passphrase);
  await page.getByLabel('Restore backup', { exact: true }).setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Replace your library with this backup?' });
  const message = page.getByTestId('backup-message');
  await Promise.race([dialog.waitFor(), message.waitFor()]);
  if (await dialog.isVisible()) {
    await dialog.getByRole('button', { name: 'Replace library' }).click();
    await page.waitForSelector('[data-testid="backup-message"]', { timeout: 60_000 });
  }
  await page.waitForFunction(() => !document.querySelector('[role="status"]')?.textContent?.includes('…'), undefined, { timeout: 60_000 });
  return { kind: (await message.getAttribute('data-kind')) ?? '', text: (await message.textContent()) ?? '' };
}

describe('backup and restore', () => {
  const sessions: Session[] = [];
  afterAll(async () => {
    for (const s of sessions) await s.close();
  });
  let original: string[][] = [];
  let plain = '';
  let sealed = '';

  it('exports the ingested library as one .zip, plain and encrypted', async () => {
    const s = await openSession();
    sessions.push(s);
    await openAndIngest(s.page);
    original = await sqlRows(s.page, FINGERPRINT);
    expect(original.map((r) => r[0])).toEqual([...KEY_TABLES].sort());
    expect(Number(original.find((r) => r[0] === 'gold.track_facts')![1])).toBeGreaterThan(0);
    const started = Date.now();
    const a = await exportBackup(s.page);
    console.log(`[figure] backup of the fixture library: ${statSync(a.file).size} bytes, ${Date.now() - started} ms click-to-file; ${a.message}`);
    expect(a.file).toMatch(/wolfie-backup-\d{4}-\d\d-\d\d\.zip$/);
    plain = a.file;
    const b = await exportBackup(s.page, 'e2e passphrase ✓');
    expect(b.file).toMatch(/-encrypted\.zip$/);
    sealed = b.file;
    const audit = s.page.getByRole('table', { name: 'Audit log' });
    await audit.getByRole('cell', { name: 'export-backup' }).first().waitFor();
    await audit.getByRole('cell', { name: 'ingest', exact: true }).waitFor();
  });

  it('restores into a fresh profile with identical rows and checksums, durable across a reopen', async () => {
    let s = await openSession();
    sessions.push(s);
    const started = Date.now();
    const r = await restore(s.page, plain);
    console.log(`[figure] restore into a fresh profile: ${Date.now() - started} ms from choosing the file (incl. page load and confirmation); ${r.text}`);
    expect(r, r.text).toMatchObject({ kind: 'ok' });
    expect(await sqlRows(s.page, FINGERPRINT)).toEqual(original);
    s = await s.reopen();
    sessions[sessions.length - 1] = s;
    expect(await sqlRows(s.page, FINGERPRINT)).toEqual(original);
    await s.page.goto(url('/settings'));
    await s.page.getByRole('table', { name: 'Audit log' }).getByRole('cell', { name: 'restore-backup' }).waitFor();
  });

  it('refuses a damaged backup, a missing or wrong passphrase, and changes nothing; the right passphrase restores', async () => {
    const s = sessions.at(-1)!;
    const damaged = join(dir, 'damaged.zip');
    const bytes = readFileSync(plain);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(damaged, bytes);
    const bad = await restore(s.page, damaged);
    expect(bad.kind).toBe('error');
    expect(bad.text).toMatch(/Nothing was changed/);
    expect(await sqlRows(s.page, FINGERPRINT)).toEqual(original);

    const copy = join(dir, 'sealed-copy.zip');
    copyFileSync(sealed, copy);
    expect((await restore(s.page, copy)).text).toMatch(/encrypted: type its passphrase/);
    expect((await restore(s.page, copy, 'not it')).text).toMatch(/passphrase is wrong/);
    expect(await sqlRows(s.page, FINGERPRINT)).toEqual(original);

    const fresh = await openSession();
    sessions.push(fresh);
    const ok = await restore(fresh.page, sealed, 'e2e passphrase ✓');
    expect(ok, ok.text).toMatchObject({ kind: 'ok' });
    expect(await sqlRows(fresh.page, FINGERPRINT)).toEqual(original);
  });
});
