// A synthetic lakehouse as a backup .zip (tests/support/synthetic-lakehouse.ts: raw tables from
// range(), then the real pipeline models, in the Node build of duckdb-wasm), and loading it into
// the app through Settings > Restore backup: the app exposes no test hook, and a database file
// written by Node and dropped into OPFS is refused by the browser build. The .zip is kept between
// runs (1,000,000 listens take a while); delete it to regenerate.
import { existsSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { createServer } from 'vite';

export async function syntheticBackup(tracks: number, listens: number): Promise<{ file: string; buildSeconds: number | null }> {
  const file = `/tmp/wolfie-bench-dash-${tracks}-${listens}.zip`;
  if (existsSync(file)) return { file, buildSeconds: null };
  const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    const { migratedClient } = (await vite.ssrLoadModule('/tests/support/node-db.ts')) as typeof import('../../support/node-db');
    const { buildSyntheticLakehouse } = (await vite.ssrLoadModule('/tests/support/synthetic-lakehouse.ts')) as typeof import('../../support/synthetic-lakehouse');
    const { exportBackup } = (await vite.ssrLoadModule('/src/lakehouse/backup/backup-export.ts')) as typeof import('../../../src/lakehouse/backup/backup-export');
    const sql = await migratedClient();
    const built = await buildSyntheticLakehouse(sql, { tracks, listens });
    writeFileSync(file, (await exportBackup(sql, { appVersion: 'bench' })).zip);
    sql.close();
    return { file, buildSeconds: built.seconds };
  } finally {
    await vite.close();
  }
}

/** Settings > Restore backup, confirmed; resolves with the app's message, throws when it refused. */
export async function restoreThroughSettings(page: Page, baseUrl: string, file: string): Promise<string> {
  await page.goto(`${baseUrl}/settings`);
  await page.getByLabel('Restore backup', { exact: true }).setInputFiles(file);
  await page.getByRole('dialog', { name: 'Replace your library with this backup?' }).getByRole('button', { name: 'Replace library' }).click({ timeout: 120_000 });
  const message = page.getByTestId('backup-message');
  await message.waitFor({ timeout: 600_000 });
  if ((await message.getAttribute('data-kind')) === 'error') throw new Error(`restore refused: ${await message.textContent()}`);
  return (await message.textContent()) ?? '';
}
