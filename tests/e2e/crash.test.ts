// Issue 9, crash mid-run: the browser process is killed (SIGKILL, no unload, no checkpoint)
// while a folder is being analysed. Reopened on the same profile, the database opens, every
// result a reader saw committed before the kill is still there, no row is half-written, and
// choosing the folder again analyses only the files that were not finished.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus } from '../support/corpus';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

/** About 45 real tracks (tempo, key and library corpora), hard links under one folder. */
function crashFolder(parent: string): { root: string; count: number } {
  const root = join(parent, 'Crash Library');
  let count = 0;
  for (const sub of ['key', 'tempo', 'library']) {
    const dir = join(root, sub);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(join(CORPUS, sub)).filter((n) => /\.(mp3|wav|flac|ogg)$/.test(n))) {
      linkSync(join(CORPUS, sub, name), join(dir, name));
      count++;
    }
  }
  return { root, count };
}

let readNo = 0;
/**
 * One row read through /sql reached by the in-app link (a full navigation would stop the run
 * itself). A unique column tells this result from the previous one; one row always comes back.
 */
async function readDuringRun(page: Page, query: string): Promise<string[]> {
  const tag = `r${++readNo}`;
  await page.getByRole('link', { name: 'SQL', exact: true }).first().click();
  await page.getByRole('textbox', { name: 'SQL' }).fill(`SELECT q.*, 1 AS ${tag} FROM (${query}) q`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const table = page.getByRole('table', { name: 'Query result' });
  await table.locator('th', { hasText: tag }).waitFor();
  return table.locator('tbody tr').first().evaluate((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '').slice(0, -1));
}

/** SIGKILL the Chromium started for this profile: the harshest close a tab can get. */
function killBrowser(profile: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='));
  if (!line) throw new Error(`No browser process found for ${profile}`);
  const pid = Number(line.trim().split(/\s+/)[0]);
  process.kill(pid, 'SIGKILL');
  return pid;
}

describe.skipIf(!hasCorpus)('a browser killed during analysis', () => {
  let s: Session | undefined;
  let tmp: string;
  let folder: { root: string; count: number };
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'wolfie-crash-'));
    folder = crashFolder(tmp);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps every committed row and resumes without redoing finished files', async () => {
    s = await openSession();
    const profile = s.profile;
    await s.page.goto(url('/'));
    await waitIdle(s.page);
    await chooseFolder(s.page, folder.root);
    // Let analysis get going, then look at what a reader sees committed.
    await s.page.waitForFunction(() => /Analysing audio/.test(document.body.innerText), undefined, { timeout: 120_000 });
    await s.page.waitForFunction(() => Number(document.querySelector('[data-testid="pipeline-status"]')?.getAttribute('data-done')) >= 6, undefined, { timeout: 120_000 });
    // Batches commit every 25 files or 3 s: wait until a reader sees some committed.
    let seen: string[] = [];
    for (let i = 0; i < 20 && seen.length < 3; i++) {
      const [paths] = await readDuringRun(s.page, `SELECT coalesce(string_agg(path, '|' ORDER BY path), '') AS paths FROM raw.analysis`);
      seen = paths ? paths.split('|') : [];
      if (seen.length < 3) await s.page.waitForTimeout(1000);
    }
    const [tagsSeen] = await readDuringRun(s.page, 'SELECT count(*) AS n FROM raw.tag_reads');
    expect(await s.page.getByTestId('pipeline-status').getAttribute('data-state'), 'still running at the kill').toBe('running');
    killBrowser(profile);
    await s.context.close().catch(() => undefined); // already gone; releases playwright's handle
    console.log(`[crash] killed with ${seen.length} of ${folder.count} analyses and ${tagsSeen} tag reads committed`);

    s = await openSession(profile);
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    expect(await page.getByTestId('pipeline-status').getAttribute('data-state')).not.toBe('running');
    const after = (await sqlRows(page, 'SELECT path FROM raw.analysis ORDER BY path')).map(([p]) => p!);
    const lost = seen.filter((p) => !after.includes(p));
    expect(lost, 'committed analyses lost by the crash').toEqual([]);
    expect(Number(firstRow(await sqlRows(page, 'SELECT count(*) FROM raw.tag_reads'))[0])).toBeGreaterThanOrEqual(Number(tagsSeen));
    // No half-written rows: each analysis has its version and either measures or a reason, each
    // tag read belongs to a file, and no batch's staging table survived.
    const [halfAnalyses, orphanTags, staging] = firstRow(await sqlRows(
      page,
      `SELECT (SELECT count(*) FROM raw.analysis WHERE analyser_version IS NULL OR (error IS NULL AND duration_s IS NULL)),
              (SELECT count(*) FROM raw.tag_reads t ANTI JOIN raw.files f USING (path)),
              (SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'stage_%')`,
    ));
    expect([halfAnalyses, orphanTags, staging]).toEqual(['0', '0', '0']);
    const tagged = Number(firstRow(await sqlRows(page, 'SELECT count(*) FROM raw.tag_reads'))[0]);

    // Choose the folder again: only what is unfinished is read or analysed.
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page, folder.root);
    await waitForRun(page, 'succeeded', 170_000);
    const steps = Object.fromEntries(await sqlRows(
      page,
      `SELECT step, rows_in FROM meta.run_steps WHERE run_id = (SELECT max(run_id) FROM meta.runs) AND step IN ('read_tags', 'analyse')`,
    ));
    expect(Number(steps['read_tags'])).toBe(folder.count - tagged);
    expect(Number(steps['analyse'] ?? 0)).toBe(folder.count - after.length);
    const [analysed, interrupted] = firstRow(await sqlRows(
      page,
      `SELECT (SELECT count(*) FROM raw.analysis), (SELECT count(*) FROM meta.runs WHERE run_id = 1 AND state = 'failed' AND error LIKE 'Interrupted%')`,
    ));
    expect([analysed, interrupted]).toEqual([String(folder.count), '1']);
    console.log(`[crash] after reopen ${after.length} analyses (0 lost); resume read ${steps['read_tags']} tags, analysed ${steps['analyse']}`);
  });
});
