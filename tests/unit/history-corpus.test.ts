// Every real export sample in the shared corpus parses, with the counts a person can check by eye.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FileJob } from '../../workers/history/job';
import { createSHA256 } from 'hash-wasm';
import { hasHistoryCorpus, LISTEN_KEYS, parseOne, sample } from './history-support';

// [file, format, rowsRead, rowsKept]: counted independently with grep / JSON.parse on the samples.
const EXPECTED: [string, string, number, number][] = [
  ['StreamingHistory_music_0.json', 'spotify-account-json', 1500, 1500],
  ['Streaming_History_Audio_2023.json', 'spotify-extended-json', 1500, 1499], // 1 podcast episode
  ['endsong_0.json', 'spotify-endsong-json', 500, 493], // 7 rows without a track name
  ['itunes_Library_1192_tracks_leading_junk.xml', 'itunes-plist', 404, 279], // 83 podcasts, 42 videos
  ['itunes_library_unix.xml', 'itunes-plist', 3, 3],
  ['itunes_library_windows.xml', 'itunes-plist', 3, 3],
  ['lastfm_scrobbles.csv', 'lastfm-csv', 1500, 1500],
  ['rekordbox.xml', 'rekordbox-xml', 3318, 3318], // COLLECTION Entries="3318"
];

describe.skipIf(!hasHistoryCorpus)('history corpus', () => {
  it.each(EXPECTED)('%s parses as %s with %i rows read, %i kept', async (file, format, read, kept) => {
    const bytes = sample(file);
    const out = await parseOne(bytes, file);
    if (!out.ok) throw new Error(out.error);
    expect(out.summary.format).toBe(format);
    expect(out.summary.rowsRead).toBe(read);
    expect(out.summary.rowsKept).toBe(kept);
    expect(out.listens.length + out.entries.length).toBe(kept);
    expect(out.summary.rejected.length).toBe(Math.min(100, read - kept));
    for (const r of out.summary.rejected) expect(r.where).toMatch(/line \d+/);
    expect(out.summary.fingerprint).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('drops personal fields and keeps plausible Spotify values', async () => {
    for (const file of ['Streaming_History_Audio_2023.json', 'endsong_0.json', 'StreamingHistory_music_0.json']) {
      const out = await parseOne(sample(file), file);
      if (!out.ok) throw new Error(out.error);
      for (const l of out.listens) {
        expect(Object.keys(l).sort()).toEqual(LISTEN_KEYS);
        expect(l.playedAtMs).toBeGreaterThan(Date.UTC(2015, 0, 1));
        expect(l.timestampSuspect).toBe(false);
        expect(l.title).toBeTruthy();
      }
      expect(JSON.stringify(out)).not.toMatch(/ip_addr|user_agent|username|conn_country|platform/);
    }
  });

  it('reads iTunes counters, dates, rating and a decoded Location', async () => {
    const out = await parseOne(sample('itunes_Library_1192_tracks_leading_junk.xml'), 'Library.xml');
    if (!out.ok) throw new Error(out.error);
    const queen = out.entries.find((e) => e.title === 'Another One Bites The Dust')!;
    expect(queen).toMatchObject({ artist: 'Queen', playCount: 55, skipCount: 1, rating: 5, durationS: 217.103 });
    expect(queen.location).toBe('/Users/csev/Music/iTunes/iTunes Music/Compilations/Greatest Hits/03 Another One Bites The Dust.mp3');
    expect(new Date(queen.dateAddedMs!).toISOString()).toBe('2006-02-14T16:12:53.000Z');
    expect(out.entries.filter((e) => e.rating === 3).length).toBeGreaterThan(0); // Rating 60
    const win = await parseOne(sample('itunes_library_windows.xml'), 'win.xml');
    if (!win.ok) throw new Error(win.error);
    expect(win.entries[0]!.location).toMatch(/^[A-Z]:\/Music\//);
  });

  it('reads rekordbox ratings on 0..5 and keeps Tonality and BPM', async () => {
    const out = await parseOne(sample('rekordbox.xml'), 'rekordbox.xml');
    if (!out.ok) throw new Error(out.error);
    const counts = new Map<number | null, number>();
    for (const e of out.entries) counts.set(e.rating, (counts.get(e.rating) ?? 0) + 1);
    // From the file: Rating="51" x1, 102 x8, 153 x91, 204 x74, 255 x8, 0 x3136.
    expect(Object.fromEntries(counts)).toEqual({ null: 3136, 1: 1, 2: 8, 3: 91, 4: 74, 5: 8 });
    expect(out.entries[0]).toMatchObject({ title: 'Serendipity', bpm: 128, key: 'Gm', playCount: 3, rating: 3 });
  });

  it('gives the same records however the bytes are cut into pieces', async () => {
    for (const file of ['endsong_0.json', 'lastfm_scrobbles.csv', 'itunes_library_unix.xml']) {
      const bytes = sample(file);
      const whole = await run(file, bytes, [bytes.length]);
      for (const size of [1, 3, 17, 4093]) {
        const cut = await run(file, bytes, [size]);
        expect(cut, `${file} in ${size}-byte pieces`).toEqual(whole);
      }
    }
  });
});

async function run(fileName: string, bytes: Uint8Array, [size]: number[]): Promise<unknown> {
  const job = new FileJob(fileName, await createSHA256(), { skipUnrecognised: false, streaming: false });
  for (let i = 0; i < bytes.length; i += size!) job.push(bytes.subarray(i, i + size!));
  return job.finish();
}
