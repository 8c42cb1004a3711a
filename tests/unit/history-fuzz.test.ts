// Property tests: real samples truncated, corrupted, spliced. The parser never throws and always
// answers ok, or a clear error that names the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasHistoryCorpus, parseBytes, sample } from './history-support';

const SAMPLES = ['StreamingHistory_music_0.json', 'endsong_0.json', 'itunes_library_windows.xml', 'lastfm_scrobbles.csv', 'rekordbox.xml'];
/** Prefix kept per sample so a run stays quick; the cut is itself one more truncation case. */
const MAX_BYTES = 120_000;

const mutation = (size: number) =>
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(size) }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(size - 1), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(size), length: fc.integer({ min: 1, max: 500 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(size), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  );

type Mutation = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; byte: number } | { kind: 'delete'; at: number; length: number } | { kind: 'insert'; at: number; bytes: Uint8Array };

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate': return bytes.subarray(0, m.at);
    case 'flip': { const b = bytes.slice(); b[m.at] = m.byte; return b; }
    case 'delete': return new Uint8Array([...bytes.subarray(0, m.at), ...bytes.subarray(m.at + m.length)]);
    case 'insert': return new Uint8Array([...bytes.subarray(0, m.at), ...m.bytes, ...bytes.subarray(m.at)]);
  }
}

describe.skipIf(!hasHistoryCorpus)('mutated real samples', () => {
  it.each(SAMPLES)('%s: never throws, always ok or a named error', async (file) => {
    const bytes = sample(file).subarray(0, MAX_BYTES);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(bytes.length), { minLength: 1, maxLength: 3 }), async (ms) => {
        const mutated = ms.reduce<Uint8Array>((b, m) => (b.length === 0 ? b : apply(b, { ...m, at: Math.min(m.at, b.length - 1) } as Mutation)), bytes);
        const out = await parseBytes(mutated, file);
        expect(out.length).toBeGreaterThan(0);
        for (const o of out) {
          if (o.ok) expect(o.summary.rowsRead).toBeGreaterThanOrEqual(o.summary.rowsKept);
          else expect(o.error).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}: .{8,}`));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const out = await parseBytes(bytes, 'random.bin');
        for (const o of out) if (!o.ok) expect(o.error.length).toBeGreaterThan('random.bin: '.length);
      }),
      { numRuns: 200 },
    );
  });
});
