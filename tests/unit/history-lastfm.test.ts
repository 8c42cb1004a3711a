// Last.fm scrobble CSV layouts from the common exporters, and placeholder dates flagged.
import { describe, expect, it } from 'vitest';
import { parseOne } from './history-support';

const STANDARD = 'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n';
const row = (uts: number, artist: string, track: string): string => `"${uts}","x","${artist}","","Album","","${track}",""\n`;

async function listens(csv: string) {
  const out = await parseOne(csv, 'scrobbles.csv');
  if (!out.ok) throw new Error(out.error);
  return out;
}

describe('Last.fm CSV', () => {
  it('reads the standard header layout with quoted fields, commas and newlines inside', async () => {
    const out = await listens(STANDARD + '"1720688852","x","Crosby, Stills & Nash","","B","","Suite: Judy ""Blue"" Eyes",""\n' + '"1720688656","x","A","","B","","Two\nLines",""\n');
    expect(out.listens.map((l) => [l.artist, l.title, l.playedAtMs])).toEqual([
      ['Crosby, Stills & Nash', 'Suite: Judy "Blue" Eyes', 1720688852000],
      ['A', 'Two\nLines', 1720688656000],
    ]);
  });

  it('reads the same export without its header line', async () => {
    const out = await listens(row(1720688852, 'The Cure', 'Primary').replace('"x"', '"11 Jul 2024, 09:07"'));
    expect(out.listens[0]).toMatchObject({ artist: 'The Cure', title: 'Primary', album: 'Album', playedAtMs: 1720688852000 });
  });

  it('reads tab-separated exports with and without a header', async () => {
    const withHeader = await listens('uts\tutc_time\tartist\tartist_mbid\talbum\talbum_mbid\ttrack\ttrack_mbid\n1720688852\t11 Jul 2024, 09:07\tThe Cure\t\tFaith\t\tPrimary\tmb-1\n');
    expect(withHeader.listens[0]).toMatchObject({ artist: 'The Cure', title: 'Primary', album: 'Faith', sourceTrackId: 'mb-1' });
    // lastexport.py: uts, track, artist, album, track_mbid, artist_mbid, album_mbid
    const lastexport = await listens('1220000000\tPrimary\tThe Cure\tFaith\t\t\t\n1220000100\tM\tThe Cure\tFaith\t\t\t\n');
    expect(lastexport.listens.map((l) => [l.artist, l.title, l.playedAtMs])).toEqual([['The Cure', 'Primary', 1220000000000], ['The Cure', 'M', 1220000100000]]);
  });

  it('reads the header-less artist,album,track,date layout (lastfm-to-csv)', async () => {
    const out = await listens('The Cure,Faith,Primary,31 Jan 2021 12:34\nPink Floyd,The Wall,Young Lust,01 Feb 2021 08:00\n');
    expect(out.listens.map((l) => [l.artist, l.title, new Date(l.playedAtMs).toISOString()])).toEqual([
      ['The Cure', 'Primary', '2021-01-31T12:34:00.000Z'],
      ['Pink Floyd', 'Young Lust', '2021-02-01T08:00:00.000Z'],
    ]);
  });

  it('keeps but flags 1970 and far-future placeholder dates', async () => {
    const out = await listens(STANDARD + row(0, 'A', 'Zero') + row(4102444800, 'A', 'Year 2100') + row(1720688852, 'A', 'Real'));
    expect(out.listens.map((l) => [l.title, l.timestampSuspect])).toEqual([['Zero', true], ['Year 2100', true], ['Real', false]]);
  });

  it('rejects rows without a title or a readable time, naming the line', async () => {
    const out = await parseOne(STANDARD + '"1720688852","x","A","","B","","",""\n"soon","never","A","","B","","T",""\n' + row(1720688852, 'A', 'OK'), 's.csv');
    if (!out.ok) throw new Error(out.error);
    expect(out.summary.rejected).toEqual([
      { where: 'line 2', reason: 'no track title' },
      { where: 'line 3', reason: 'unreadable time "soon"' },
    ]);
    expect(out.summary.rowsKept).toBe(1);
  });
});
