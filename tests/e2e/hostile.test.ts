// Issue 9 in Chromium: a generated hostile folder (zero bytes, cuts, noise, flips, a 3 MB tag,
// wrong extensions, a 4,000-character path, unicode/RTL/NFD names, 30 nested folders, symlinks)
// is ingested and analysed. The run succeeds, every audio file is a row in raw.files, every
// failure has a clear reason, and a second ingest still analyses: no worker stayed dead.
// Chromium's folder input lists no symlinks at all (to a file, dangling, or a folder loop): they
// are neither followed nor a hang; the log line records it so a change in Chromium shows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, hasCorpus } from '../support/corpus';
import { isClearReason, writeHostileFolder, type HostileFolder } from '../support/hostile';
import { chooseFolder, firstRow, sqlRows, url, waitForRun, waitIdle } from './support/app';
import { openSession, type Session } from './support/browser';

const nfc = (s: string) => s.normalize('NFC');

describe.skipIf(!hasCorpus)('a hostile folder in Chromium', () => {
  let s: Session;
  let tmp: string;
  let folder: HostileFolder;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'wolfie-hostile-'));
    folder = writeHostileFolder(tmp, 'Hostile', {
      mp3: `${CORPUS}/tags/beets/full.mp3`, flac: `${CORPUS}/tags/beets/full.flac`, ogg: `${CORPUS}/tags/beets/full.ogg`,
      wav: `${CORPUS}/tags/music-metadata/issue_75.wav`,
    });
    s = await openSession();
  });
  afterAll(async () => {
    await s?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('finishes succeeded with a row per audio file and a clear reason for each failure', async () => {
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page, folder.root);
    await waitForRun(page, 'succeeded', 150_000);

    const rows = await sqlRows(
      page,
      `SELECT f.path, t.path IS NOT NULL, coalesce(t.error, ''), a.path IS NOT NULL, coalesce(a.error, '')
       FROM raw.files f LEFT JOIN raw.tag_reads t USING (path) LEFT JOIN raw.analysis a USING (path) ORDER BY f.path`,
    );
    const byPath = new Map(rows.map(([path, hasTags, tagError, analysed, analysisError]) => [nfc(path!), { hasTags, tagError, analysed, analysisError }]));
    const missing = folder.audio.filter((p) => !byPath.has(nfc(p)));
    expect(missing, 'audio files without a raw.files row').toEqual([]);

    let reasons = 0;
    for (const [path, r] of byPath) {
      expect(r.hasTags, `${path} has a tag read`).toBe('true');
      // Every file is either analysed (ok or with a reason) or failed already at its tags.
      expect(r.analysed === 'true' || r.tagError !== '', `${path} is accounted for`).toBe(true);
      for (const reason of [r.tagError, r.analysisError].filter(Boolean)) {
        expect(isClearReason(reason), `${path}: ${reason}`).toBe(true);
        reasons++;
      }
    }
    // The healthy copies are analysed whatever their name, depth or tag size.
    for (const ok of ['good/track.mp3', 'big-tag/3mb-tag.mp3', 'unicode/Ünïcødé ♫ 🎵 曲.mp3', 'wrong-ext/flac-named.mp3']) {
      expect(byPath.get(nfc(`Hostile/${ok}`))?.analysisError, ok).toBe('');
    }
    const long = [...byPath.keys()].find((p) => p.endsWith('.mp3') && p.length > 4000);
    expect(long && byPath.get(long)?.analysisError).toBe('');
    const links = folder.links.map((l) => `${l}: ${byPath.has(l) ? 'listed' : 'not listed'}`);
    console.log(`[hostile-e2e] ${byPath.size} files (${folder.audio.length} written), ${reasons} reasons, all clear; symlinks ${links.join(', ')}`);
  });

  it('a second ingest of the same folder still reads and analyses: no worker stayed dead', async () => {
    writeFileSync(join(folder.root, 'second.mp3'), readFileSync(`${CORPUS}/tags/beets/min.mp3`));
    const { page } = s;
    await page.goto(url('/'));
    await waitIdle(page);
    await chooseFolder(page, folder.root);
    await waitForRun(page, 'succeeded', 150_000);
    const [runs, read, analysedOk] = firstRow(await sqlRows(
      page,
      `SELECT (SELECT count(*) FROM meta.runs WHERE state = 'succeeded'),
              (SELECT rows_in FROM meta.run_steps WHERE step = 'read_tags' AND run_id = (SELECT max(run_id) FROM meta.runs)),
              (SELECT count(*) FROM raw.analysis WHERE path = 'Hostile/second.mp3' AND error IS NULL)`,
    ));
    expect([runs, read, analysedOk]).toEqual(['2', '1', '1']);
  });
});
