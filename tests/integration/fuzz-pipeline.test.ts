// Issue 16, the CI share of the fuzz bench (tests/bench/fuzz.ts): a fixed-seed slice of the same
// generator, every container and every mutation family, through the same path (tag reading,
// decoding, analysis, the DuckDB lakehouse). No run may fail, every file must end as a healthy
// track or a row with a reason a person can read, and no worker call may run out of time.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analysis } from '../../workers/analysis/analysis';
import { readTags } from '../../workers/ingest/tags';
import { CORPUS, hasCorpus } from '../support/corpus';
import { fixOggCrc } from '../support/fuzz-build-streams';
import { setField } from '../support/fuzz-fields';
import { fieldsOf, fuzzFolder, loadSources, type FuzzCase } from '../support/fuzz-mutations';
import { runFuzzFolder } from '../support/fuzz-pipeline';
import { isClearReason } from '../support/hostile';

// The first files of the bench's default seed in the same folders, so a CI failure is also the
// bench's: `npx tsx tests/bench/fuzz.ts --files 300 --per-run 150` lists it with its findings.
const SEED = 16;
const FILES = Number(process.env.FUZZ_FILES ?? 300);
const PER_RUN = 150;

describe.skipIf(!hasCorpus)('fuzzed files through the whole pipeline', () => {
  // mpg123-decoder writes a console line for every damaged frame (hundreds here); each file's
  // reason is what this test judges, so only that chatter is dropped from the output.
  const error = console.error;
  beforeAll(() => void vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => (String(a[0]).startsWith('mpg123-decoder:') ? undefined : error(...a))));
  afterAll(() => vi.restoreAllMocks());

  it(`${FILES} mutated files of every container: no failed run, every file a track or a clear reason`, async () => {
    const sources = loadSources(`${CORPUS}/tags`);
    // Deterministic: a report's (seed, index) must regenerate the very same bytes.
    const twice = [0, 1].map(() => fuzzFolder(sources, SEED, 0, 40, 'x').map((c) => createHash('sha256').update(c.bytes).digest('hex')));
    expect(twice[0]).toEqual(twice[1]);
    const counts = { healthy: 0, reason: 0, missing: 0 };
    for (let first = 0; first < FILES; first += PER_RUN) {
      const root = `Fuzz-${SEED}-r${String(first / PER_RUN).padStart(3, '0')}`;
      const cases = fuzzFolder(sources, SEED, first, Math.min(PER_RUN, FILES - first), root);
      const report = await runFuzzFolder(cases, root);
      expect(report.error, `run ${root}`).toBeNull();
      expect(report.state).toBe('succeeded');
      const missing = report.files.filter((f) => f.outcome === 'missing');
      expect(missing.map((f) => `${f.path} (${f.what}): no ${f.missing.join(', ')} row`)).toEqual([]);
      expect(report.files.flatMap((f) => f.unclear.map((u) => `${f.path}: ${u}`))).toEqual([]);
      expect(report.files.filter((f) => f.hung).map((f) => `${f.path} (${f.what}): ${f.reasons.join('; ')}`)).toEqual([]);
      expect({ timeouts: report.workerTimeouts, crashes: report.workerCrashes, timeoutLogs: report.timeoutLogs }).toEqual({ timeouts: 0, crashes: 0, timeoutLogs: 0 });
      for (const f of report.files) counts[f.outcome]++;
    }
    console.log(`[fuzz] ${FILES} files (seed ${SEED}): ${counts.healthy} healthy tracks, ${counts.reason} rows with a clear reason, ${counts.missing} missing`);
  }, 180_000);
});

/** The corpus file with the first field named `name` set to `value`, as the bench made it. */
function withField(file: string, name: string, value: 'zero' | 'minus-one' | 'max', which: 'first' | 'last' = 'first'): Blob {
  const bytes = new Uint8Array(readFileSync(`${CORPUS}/tags/${file}`));
  const fields = fieldsOf(bytes).filter((f) => f.name === name);
  const field = which === 'first' ? fields[0] : fields.at(-1);
  expect(field, name).toBeDefined();
  const out = setField(bytes, field!, value);
  return new Blob([name.startsWith('ogg.') ? fixOggCrc(out) : out]);
}

describe.skipIf(!hasCorpus)('findings of the fuzz bench stay fixed', () => {
  it('a Matroska size music-metadata trips over (a TypeError inside it) gives a clear tag reason', async () => {
    // seed 101, file 625: the Language element's size set to 0; the parser then reads a missing track's sample rate.
    const file = withField('music-metadata/matroska/02 - Poxfil - Solid Ground (5 sec).mka', 'ebml.size 22b59c', 'zero');
    const tags = await readTags('Music/poxfil.mka', file);
    expect(tags.error).toMatch(/damaged in a way the tag reader does not handle/);
    expect(isClearReason(tags.error)).toBe(true);
  });

  it('an Opus header of 0 channels (ogg-opus-decoder throws a TypeError) gives a clear analysis reason', async () => {
    // seed 101, file 368: OpusHead channel count 1 -> 0.
    const file = withField('music-metadata/rating/testcase.opus', 'opus.head.channels', 'minus-one');
    const outcome = await analysis.analyse({ trackId: 't', path: 'Music/zero-channels.opus', file });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error).toMatch(/ogg-opus decoder failed: the audio data is damaged/);
      expect(isClearReason(outcome.error)).toBe(true);
    }
  });

  it('a declared duration of 12 million years (the last Ogg granule at its maximum) does not fail the run', async () => {
    // seed 101, file 3009: gold.dash_track_dims cast the minutes to INTEGER before capping them at 10.
    const huge = new Uint8Array(await withField('music-metadata/rating/testcase.opus', 'ogg.page.granule', 'max', 'last').arrayBuffer());
    const good = new Uint8Array(readFileSync(`${CORPUS}/tags/beets/full.opus`));
    const cases = [huge, good].map((bytes, index): FuzzCase => ({ index, path: `Music/${index}.opus`, container: 'ogg opus', source: '', family: 'field', what: '', bytes }));
    const report = await runFuzzFolder(cases, 'Music');
    expect(report.error).toBeNull();
    expect(report.files.map((f) => f.outcome)).not.toContain('missing');
  });
});
