// Issue 9, hostile files through the worker modules directly (Node): every corpus file plus
// generated damage goes through tag reading AND analysis. Neither may throw or hang; every file
// gets a record/outcome, and every failure says why in words a person can read.
import { openAsBlob, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysis } from '../../workers/analysis/analysis';
import type { AnalysisOutcome } from '../../workers/analysis/api';
import type { TagRecord } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import { CORPUS, hasCorpus, listFiles, relativeTo } from '../support/corpus';
import { isClearReason, mutate, mutationArb, noise, withHugeId3 } from '../support/hostile';

const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

/** A hang is a finding, not a stuck CI job: give each call a generous limit and report it. */
function limited<T>(what: string, work: Promise<T>, ms = 30_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung for ${ms / 1000} s`)), ms)));
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

async function throughBoth(path: string, file: Blob): Promise<{ tags: TagRecord; analysed: AnalysisOutcome }> {
  const records = await limited(`readTags(${path})`, ingest.readTags([{ path, file }]));
  expect(records).toHaveLength(1);
  const tags = records[0]!;
  expect(tags.path).toBe(path);
  if (tags.error !== null) expect(isClearReason(tags.error), `${path}: ${tags.error}`).toBe(true);
  const analysed = await limited(`analyse(${path})`, analysis.analyse({ trackId: path, path, file }));
  expect(analysed.trackId).toBe(path);
  if (!analysed.ok) {
    expect(isClearReason(analysed.error), `${path}: ${analysed.error}`).toBe(true);
    expect(analysed.error.startsWith(`${path}: `), 'the reason names the file').toBe(true);
  } else {
    expect(Number.isFinite(analysed.result.durationS)).toBe(true);
  }
  return { tags, analysed };
}

const SOURCES = ['beets/full.mp3', 'beets/full.flac', 'beets/full.ogg', 'beets/full.opus', 'beets/full.aiff', 'beets/full.m4a', 'music-metadata/issue_75.wav'];

describe.skipIf(!hasCorpus)('hostile files through tag reading and analysis (Node)', () => {
  it('every corpus tags/ file ends in a record and an outcome, failures with a clear reason', async () => {
    const paths = listFiles(`${CORPUS}/tags`);
    let tagErrors = 0;
    let analysisErrors = 0;
    for (const p of paths) {
      const { tags, analysed } = await throughBoth(relativeTo(CORPUS, p), await openAsBlob(p));
      if (tags.error) tagErrors++;
      if (!analysed.ok) analysisErrors++;
    }
    console.log(`[hostile] corpus: ${paths.length} files, ${tagErrors} tag reasons, ${analysisErrors} analysis reasons, all clear`);
  }, 120_000);

  it('generated damage: zero bytes, cuts, noise, flips, a 3 MB tag, wrong extensions, odd names', async () => {
    const mp3 = new Uint8Array(readFileSync(`${CORPUS}/tags/beets/full.mp3`));
    const flac = new Uint8Array(readFileSync(`${CORPUS}/tags/beets/full.flac`));
    const cases: [string, Uint8Array][] = [
      ['Music/zero.mp3', new Uint8Array(0)],
      ['Music/one-byte.flac', new Uint8Array([0x66])],
      ['Music/id3-header-only.mp3', mp3.subarray(0, 10)],
      ['Music/noise.mp3', noise(100_000, 7)],
      ['Music/noise.ogg', noise(4_000, 8)],
      ['Music/fLaC-then-noise.flac', new Uint8Array([0x66, 0x4c, 0x61, 0x43, ...noise(5_000, 9)])],
      ['Music/big-tag.mp3', withHugeId3(mp3)],
      ['Music/big-tag-no-audio.mp3', withHugeId3(new Uint8Array(0))],
      ['Music/flac-named.mp3', flac],
      [`Music/${'n'.repeat(200)}/`.repeat(20) + 'long.mp3', mp3],
      ['Music/\u05e9\u05d9\u05e8 \u202e3pm.mp3', mp3],
      ['Music/曲 🎵/e\u0301.flac', flac],
    ];
    for (const [path, bytes] of cases) await throughBoth(path, blob(bytes));
    // The 3 MB tag costs nothing downstream: its bytes become a length in native_json.
    const big = await ingest.readTags([{ path: 'big.mp3', file: blob(withHugeId3(mp3)) }]);
    expect(big[0]!.native_json!.length).toBeLessThan(40_000);
    expect(big[0]!.title).toBe('full');
    const zero = await throughBoth('Music/zero.mp3', blob(new Uint8Array(0)));
    expect(zero.tags.error).toMatch(/Empty file/);
    expect(zero.analysed.ok).toBe(false);
  }, 60_000);

  it('property: mutated real files never throw, always give a record and an outcome', async () => {
    const originals = SOURCES.map((s) => ({ name: s.split('/').pop()!, bytes: new Uint8Array(readFileSync(`${CORPUS}/tags/${s}`)) }));
    let failures = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(originals.length - 1), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (which, ms) => {
        const { name, bytes } = originals[which]!;
        const mutated = ms.reduce<Uint8Array>((b, m) => mutate(b, m), bytes);
        const { tags, analysed } = await throughBoth(`Mutated/${name}`, blob(mutated));
        runs++;
        if (tags.error || !analysed.ok) failures++;
      }),
      { numRuns: 300 },
    );
    console.log(`[hostile] property: ${runs} mutated files, ${failures} ended in a clear reason, the rest were read`);
  }, 120_000);
});
