// Broken, truncated, empty and wrong-type files fail with a message naming the file and where.
import { describe, expect, it } from 'vitest';
import { hasHistoryCorpus, parseOne, sample } from './history-support';

async function failure(bytes: Uint8Array | string, fileName: string): Promise<string> {
  const out = await parseOne(bytes, fileName);
  if (out.ok) throw new Error(`${fileName} was accepted: ${JSON.stringify(out.summary)}`);
  expect(out.fileName).toBe(fileName);
  expect(out.error.startsWith(`${fileName}: `)).toBe(true);
  return out.error;
}

describe('bad input', () => {
  it.each([
    ['empty.json', '', /empty/],
    ['blank.csv', '  \n\n', /empty/],
    ['none.json', '[ ]', /empty JSON array/],
    ['object.json', '{"a": 1}', /JSON object, not an array/],
    ['numbers.json', '[1, 2, 3]', /not Spotify/],
    ['other.json', '[{"name": "x"}]', /not Spotify/],
    ['podcasts.json', '[{"endTime":"2020-01-01 00:00","podcastName":"P","episodeName":"E","msPlayed":1}]', /podcast/],
    ['notes.txt', 'just some words\nin a text file\n', /not a recognised/],
    ['page.xml', '<?xml version="1.0"?><html><body/></html>', /neither an iTunes/],
    ['utf16.csv', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
    ['song.mp3', new Uint8Array([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0x21, 0xff, 0xfb]), /binary/],
  ])('%s is refused', async (name, bytes, reason) => {
    expect(await failure(bytes, name)).toMatch(reason);
  });

  it('names the line of a JSON syntax error and of a truncation', async () => {
    const broken = '[\n  {"ts": "2023-01-01T00:00:00Z", "ms_played": 1},\n  {"ts": "2023-01-01T00:00:00Z", "ms_played": }\n]';
    expect(await failure(broken, 'broken.json')).toMatch(/line 3: record 2 is not valid JSON/);
    const cut = '[\n  {"ts": "2023-01-01T00:00:00Z", "ms_played": 1, "master_metadata_track_name": "A"},\n  {"ts": "2023-01';
    expect(await failure(cut, 'cut.json')).toMatch(/truncated: record 2 starting at line 3/);
  });

  it('rejects rows, not the file, for records it cannot use', async () => {
    const rows = '[{"ts":"2023-01-01T00:00:00Z","ms_played":5,"master_metadata_track_name":"T","master_metadata_album_artist_name":"A"},'
      + '{"ts":"yesterday","ms_played":5,"master_metadata_track_name":"T"},{"ts":"2023-01-01T00:00:00Z","episode_name":"E"},{"foo":1}]';
    const out = await parseOne(rows, 'mixed.json');
    if (!out.ok) throw new Error(out.error);
    expect(out.summary).toMatchObject({ rowsRead: 4, rowsKept: 1 });
    expect(out.summary.rejected.map((r) => r.reason)).toEqual([
      'missing or unreadable ts "yesterday"', 'podcast episode, not music', 'not a Spotify play record (no ts or endTime)',
    ]);
    expect(out.summary.rejected[0]!.where).toBe('record 2 (line 1)');
  });

  it('names line and column of malformed XML, and refuses a plist that is not a library', async () => {
    expect(await failure('<?xml version="1.0"?>\n<plist>\n<dict><key>Tracks</key><dict>\n</plist>', 'bad.xml')).toMatch(/line \d+, column \d+: malformed XML/);
    expect(await failure('<?xml version="1.0"?><plist><dict><key>A</key><string>b</string></dict></plist>', 'prefs.plist')).toMatch(/without a Tracks/);
    expect(await failure('<plist version="1.0"><dict><key>Tracks</key><dict></dict></dict></plist>', 'empty-lib.xml')).toMatch(/no records/);
  });

  it('refuses a CSV without the columns of a scrobble export, and an unclosed quote', async () => {
    expect(await failure('name,colour,size,weight\nx,red,1,2\n', 'things.csv')).toMatch(/line 1: no artist, track and time columns/);
    expect(await failure('uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n"1720688852","11 Jul 2024, 09:07","The Cure","","Fai', 'cut.csv')).toMatch(/line 2.*quoted field never closes/);
  });

  it.skipIf(!hasHistoryCorpus)('fails a truncated export of every kind, naming where', async () => {
    for (const [file, pattern] of [
      ['Streaming_History_Audio_2023.json', /line \d+: file is truncated/],
      ['StreamingHistory_music_0.json', /line \d+: file is truncated/],
      ['itunes_Library_1192_tracks_leading_junk.xml', /line \d+, column \d+: malformed XML/],
      ['rekordbox.xml', /line \d+, column \d+: malformed XML/],
    ] as const) {
      const bytes = sample(file);
      expect(await failure(bytes.subarray(0, Math.floor(bytes.length * 0.6)), file)).toMatch(pattern);
    }
  });
});
