// Audio no worker decoder reads goes to the browser's own decoder on the page: Opus in WebM
// (the workers do not demux WebM; Chromium's decodeAudioData does). What neither can decode
// (ALAC in Chromium) keeps a reason naming both attempts. Files are made at test time with ffmpeg.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const SOURCE = resolve(__dirname, '../fixtures/library/Trumpet/sorohanro_-_solo-trumpet-06.hq.ogg');
const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('[skip] ffmpeg is not installed: the ALAC fallback test needs it to make an ALAC file');

describe.skipIf(!hasFfmpeg)('browser decoder fallback', () => {
  let s: Session;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wolfie-alac-'));
    mkdirSync(join(dir, 'Fallback'));
    for (const [codec, name] of [['libopus', 'trumpet.webm'], ['alac', 'trumpet-alac.m4a']]) {
      const made = spawnSync('ffmpeg', ['-v', 'error', '-i', SOURCE, '-c:a', codec!, join(dir, 'Fallback', name!)]);
      expect(made.status, made.stderr?.toString()).toBe(0);
    }
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses WebM through the browser decoder and explains what nothing could decode', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page, join(dir, 'Fallback'));
    await waitForRun(page);
    const [lufs, duration, error] = firstRow(await sqlRows(page, `SELECT loudness_lufs, duration_s, error FROM gold.track_facts WHERE path LIKE '%.webm'`));
    expect(error).toBe('');
    expect(Number(lufs)).toBeLessThan(0);
    expect(Number(duration)).toBeGreaterThan(4);
    const [alacError] = firstRow(await sqlRows(page, `SELECT error FROM gold.track_facts WHERE path LIKE '%alac.m4a'`));
    expect(alacError).toMatch(/cannot decode.*own decoder could not read it either/);
  });
});
