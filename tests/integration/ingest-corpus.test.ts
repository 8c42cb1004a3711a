// Every file of the tag edge-case corpus goes through the real tag reader: no crash, each file
// either parsed or carrying a reason (issue 2, "Bad input").
import { openAsBlob } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../workers/ingest/ingest';
import { CORPUS, hasCorpus, listFiles, relativeTo } from '../support/corpus';

describe.skipIf(!hasCorpus)('tag reading over ../shared/corpus/tags', () => {
  it('accounts for every file', async () => {
    const paths = listFiles(`${CORPUS}/tags`);
    const files = await Promise.all(paths.map(async (p) => ({ path: relativeTo(CORPUS, p), file: await openAsBlob(p) })));
    const records = await ingest.readTags(files);
    expect(records).toHaveLength(files.length);
    const failed = records.filter((r) => r.error);
    for (const r of records) {
      expect(r.error === null || r.error.length > 10).toBe(true);
      expect(r.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    // The corpus holds unparseable.* files and a .txt: they must be reported, not parsed into nonsense.
    expect(records.find((r) => r.path.endsWith('not-an-audio-file.txt'))?.error).toBeTruthy();
    // beets' unparseable.* carry the date tag 'Oct 3, 1995' (its .aiff carries no tags at all).
    const beets = records.filter((r) => /beets\/unparseable\./.test(r.path) && r.date_text);
    expect(beets.length).toBeGreaterThan(8);
    for (const r of beets) {
      expect(r.error, r.path).toMatch(/Unparseable date tag/);
      expect(r.year, r.path).toBe(1995);
    }
    const full = records.find((r) => r.path.endsWith('beets/full.mp3'));
    expect(full?.title).toBe('full');
    // Issue 16: the extension decides when the content does not (DSDIFF), and a damaged ID3v2 in
    // front of a good ID3v1 still gives the title.
    expect(records.find((r) => r.path.endsWith('dsdiff/DSD64.dff'))).toMatchObject({ title: 'Kyrie', error: null });
    expect(records.find((r) => r.path.endsWith('mp3/issue-979.mp3'))).toMatchObject({ title: 'Minnie & Me', error: null });
    console.log(`[ingest-corpus] ${records.length} files, ${records.length - failed.length} parsed, ${failed.length} with a reason`);
  });
});
