// Issue 9, bad imports: what history-fuzz.test.ts did not reach. The remaining real samples
// mutated, mutated zips, arbitrary JSON documents, Spotify and Last.fm rows with fields of the
// wrong type, content under the wrong extension, and huge files. Never a throw; always ok with
// rowsRead >= rowsKept, or an error that names the file.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../workers/history/api';
import { mutate, mutationArb } from '../support/hostile';
import { hasHistoryCorpus, parseBytes, sample, text } from './history-support';

function judge(out: ImportOutcome[], fileName: string): void {
  expect(out.length).toBeGreaterThan(0);
  for (const o of out) {
    if (o.ok) expect(o.summary.rowsRead).toBeGreaterThanOrEqual(o.summary.rowsKept);
    // In a zip the outcome names the entry (whose name may hold any character, ':' too); either
    // way the person is told which file and why.
    else if (fileName.endsWith('.zip')) {
      expect(o.error.startsWith(fileName)).toBe(true);
      expect(o.error).toMatch(/: .{8,}$/s);
      expect(o.fileName).not.toMatch(/[\u0000-\u001f]/);
    } else expect(o.error.startsWith(`${fileName}: `)).toBe(true);
  }
}

const UNCOVERED = ['Streaming_History_Audio_2023.json', 'itunes_library_unix.xml', 'itunes_Library_1192_tracks_leading_junk.xml'];

describe.skipIf(!hasHistoryCorpus)('more bad imports', () => {
  it.each(UNCOVERED)('%s mutated: never throws', async (file) => {
    const bytes = sample(file).subarray(0, 120_000);
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (ms) => {
        judge(await parseBytes(ms.reduce<Uint8Array>((b, m) => mutate(b, m), bytes), file), file);
      }),
      { numRuns: 40 },
    );
  });

  it('a mutated zip of an export never throws', async () => {
    const zip = zipSync({
      'MyData/StreamingHistory_music_0.json': sample('StreamingHistory_music_0.json').subarray(0, 20_000),
      'MyData/endsong_0.json': sample('endsong_0.json').subarray(0, 20_000),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (ms) => {
        judge(await parseBytes(ms.reduce<Uint8Array>((b, m) => mutate(b, m), zip), 'my_spotify_data.zip'), 'my_spotify_data.zip');
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary JSON documents as .json never throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 4 }), async (json) => judge(await parseBytes(json, 'StreamingHistory_music_0.json'), 'StreamingHistory_music_0.json')),
      { numRuns: 150 },
    );
  });

  it('Spotify rows with fields of any type: rows rejected, never the parser', async () => {
    const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
    const basic = fc.record({ endTime: fc.oneof(anyValue, fc.constant('2020-01-16 03:13')), artistName: anyValue, trackName: anyValue, msPlayed: anyValue });
    const extended = fc.record({ ts: fc.oneof(anyValue, fc.constant('2022-09-07T16:30:37Z')), ms_played: anyValue, master_metadata_track_name: anyValue, master_metadata_album_artist_name: anyValue, skipped: anyValue });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(basic, { minLength: 1, maxLength: 20 }), fc.array(extended, { minLength: 1, maxLength: 20 })), async (rows) => {
        const name = 'endTime' in rows[0]! ? 'StreamingHistory_music_0.json' : 'Streaming_History_Audio_2023.json';
        judge(await parseBytes(JSON.stringify(rows), name), name);
      }),
      { numRuns: 150 },
    );
  });

  it('Last.fm CSV rows of arbitrary cells never throw', async () => {
    const header = 'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n';
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('', '"', '""', '\r', '1720688852'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 30 }), async (rows) => {
        judge(await parseBytes(header + rows.map((r) => r.join(',')).join('\n'), 'lastfm_scrobbles.csv'), 'lastfm_scrobbles.csv');
      }),
      { numRuns: 150 },
    );
  });

  it('a real file under the wrong extension is refused or read, never thrown on', async () => {
    const samples = ['StreamingHistory_music_0.json', 'lastfm_scrobbles.csv', 'rekordbox.xml', 'itunes_library_unix.xml'];
    for (const s of samples) {
      for (const ext of ['json', 'csv', 'xml', 'zip', 'txt']) judge(await parseBytes(sample(s).subarray(0, 50_000), `renamed.${ext}`), `renamed.${ext}`);
    }
  });

  it('huge: 200,000 Spotify rows and a 20 MB field', async () => {
    const row = (i: number) => `{"endTime":"2020-01-16 ${String(i % 24).padStart(2, '0')}:13","artistName":"Artist ${i % 500}","trackName":"Track ${i}","msPlayed":${1000 + i}}`;
    const many = `[${Array.from({ length: 200_000 }, (_, i) => row(i)).join(',')}]`;
    const [big] = await parseBytes(many, 'StreamingHistory_music_0.json');
    expect(big?.ok && big.summary.rowsKept).toBe(200_000);
    const wide = `[{"endTime":"2020-01-16 03:13","artistName":"${'x'.repeat(20_000_000)}","trackName":"T","msPlayed":5}]`;
    judge(await parseBytes(text(wide), 'StreamingHistory_music_0.json'), 'StreamingHistory_music_0.json');
  }, 120_000);
});
