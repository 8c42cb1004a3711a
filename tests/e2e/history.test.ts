// Issue 5 end to end: ingest the fixture library, import the real listening-history samples through
// the contract's "Import listening history" input, and read gold.listening_daily and meta through /sql.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openAndIngest, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const CORPUS = resolve(__dirname, '../../../shared/corpus/history');
const samples = existsSync(CORPUS) ? readdirSync(CORPUS).sort().map((f) => join(CORPUS, f)) : [];
if (!samples.length) console.log(`[skip] listening-history e2e: no samples at ${CORPUS} (the shared corpus is not on this machine)`);

const SUMMARY = 'section[aria-label="Listening history import summary"]';

describe.skipIf(!samples.length)('import listening history through the browser', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function importSamples(): Promise<number> {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    const t0 = Date.now();
    await page.locator('input[type=file][aria-label="Import listening history"]').setInputFiles(samples);
    await page.locator(SUMMARY).waitFor({ timeout: 170_000 });
    await waitForRun(page);
    return (Date.now() - t0) / 1000;
  }

  it('ingests the fixture library first', async () => {
    await openAndIngest(s.page);
    await s.page.getByText(/\d+ of \d+ tracks/).waitFor();
  });

  it('imports every sample, with a summary line per file', async () => {
    const seconds = await importSamples();
    const rows = await s.page.locator(`${SUMMARY} table tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
    console.log(`[e2e figures] ${samples.length} files imported in ${seconds.toFixed(1)} s:\n${rows.map((r) => `  ${r.join(' | ')}`).join('\n')}`);
    expect(rows).toHaveLength(samples.length);
    for (const r of rows) expect(r[5]).toBe('imported');
  });

  it('fills raw, silver and gold, and records the run in meta', async () => {
    const { page } = s;
    const [files, read, kept] = firstRow(await sqlRows(page, 'SELECT count(*), sum(rows_read), sum(rows_kept) FROM raw.history_imports'));
    expect(Number(files)).toBe(samples.length);
    expect(Number(kept)).toBeGreaterThan(1000);
    const [kind, state, filesNew, failed] = firstRow(await sqlRows(page, 'SELECT kind, state, files_new, files_failed FROM meta.runs ORDER BY run_id DESC LIMIT 1'));
    expect([kind, state, filesNew, failed]).toEqual(['import', 'succeeded', String(samples.length), '0']);
    const steps = await sqlRows(page, `SELECT step, state FROM meta.run_steps WHERE run_id = (SELECT max(run_id) FROM meta.runs) ORDER BY ordinal`);
    expect(steps.slice(0, 3)).toEqual([['parse', 'succeeded'], ['load', 'succeeded'], ['match', 'succeeded']]);

    // The daily table adds up to the conformed listens with a trusted date.
    const [days, listens, minutes, sources] = firstRow(await sqlRows(page, 'SELECT count(DISTINCT day), sum(listens), round(sum(minutes)), string_agg(DISTINCT source, \',\' ORDER BY source) FROM gold.listening_daily'));
    const [plays] = firstRow(await sqlRows(page, 'SELECT count(*) FROM silver.listens WHERE NOT is_skip AND NOT timestamp_suspect'));
    expect(Number(listens)).toBe(Number(plays));
    expect(Number(days)).toBeGreaterThan(10);
    expect(sources).toBe('lastfm,spotify');
    const [merged, elsewhere, matched] = firstRow(await sqlRows(page, `SELECT count(*) FILTER (WHERE source_rows > 1), count(*) FILTER (WHERE listened_elsewhere), count(*) FILTER (WHERE NOT listened_elsewhere) FROM silver.listens`));
    const [entries, entriesMatched] = firstRow(await sqlRows(page, 'SELECT count(*), count(track_id) FROM silver.library_entries'));
    console.log(`[e2e figures] raw rows read ${read}, kept ${kept}; gold.listening_daily: ${days} days, ${listens} listens, ${minutes} minutes; ` +
      `silver.listens: ${merged} merged across sources, ${matched} matched, ${elsewhere} listened elsewhere; library entries ${entries} (${entriesMatched} matched)`);
    // The fixture library holds no song from these exports: everything is 'listened elsewhere'.
    expect(Number(elsewhere)).toBeGreaterThan(0);
  });

  it('adds nothing when the same files are imported again', async () => {
    const [before] = firstRow(await sqlRows(s.page, 'SELECT count(*) FROM raw.listens'));
    await importSamples();
    const statuses = await s.page.locator(`${SUMMARY} table tbody tr td:nth-child(6)`).allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['already imported']));
    const [after, imports] = firstRow(await sqlRows(s.page, 'SELECT (SELECT count(*) FROM raw.listens), (SELECT count(*) FROM raw.history_imports)'));
    expect([after, imports]).toEqual([before, String(samples.length)]);
  });
});
