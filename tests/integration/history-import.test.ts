// Listening-history import on the real engine: the worker's parse (run in-process), load, entity
// resolution and the silver/gold models, through the same runImport the app uses.
import { describe, expect, it } from 'vitest';
import { lakeWith, type Track } from '../support/history-lake';

const spotify = (rows: { ts: string; ms: number; artist: string; title: string; album?: string; skipped?: boolean; end?: string }[]) =>
  JSON.stringify(rows.map((r) => ({
    ts: r.ts, platform: 'x', ms_played: r.ms, conn_country: 'ZZ', ip_addr: '10.0.0.1', master_metadata_track_name: r.title,
    master_metadata_album_artist_name: r.artist, master_metadata_album_album_name: r.album ?? 'Album', spotify_track_uri: 'spotify:track:x',
    reason_start: 'playbtn', reason_end: r.end ?? 'trackdone', shuffle: false, skipped: r.skipped ?? false, offline: false,
  })));

const lastfm = (rows: { uts: number; artist: string; title: string }[]) =>
  'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n' + rows.map((r) => `"${r.uts}","x","${r.artist}","","Album","","${r.title}",""\n`).join('');

const TRACKS: Track[] = [
  { path: 'Music/sun.mp3', artist: 'Beatles', title: 'Here Comes the Sun', album: 'Abbey Road', duration_s: 185 },
  { path: 'Music/primary.flac', artist: 'The Cure', title: 'Primary', duration_s: 215, rating_tag: 3, play_count_tag: 2 },
];

const uts = (iso: string) => Date.parse(iso) / 1000;

describe('listening history import', () => {
  it('merges the same play from Spotify and Last.fm into one listen with both sources, and matches it', async () => {
    const { sql, importFiles } = await lakeWith(TRACKS);
    const result = await importFiles({
      // Ends 12:03:05 after 185 s: started 12:00:00. Last.fm logs the start, 40 s off: same listen.
      'Streaming_History_Audio_2024.json': spotify([
        { ts: '2024-07-01T12:03:05Z', ms: 185_000, artist: 'The Beatles', title: 'Here Comes The Sun - Remastered 2009' },
        { ts: '2024-07-01T12:10:00Z', ms: 10_000, artist: 'The Cure', title: 'Primary', skipped: true, end: 'fwdbtn' },
        { ts: '2024-07-02T08:00:00Z', ms: 200_000, artist: 'Nobody Here', title: 'Not In Library' },
      ]),
      'scrobbles.csv': lastfm([
        { uts: uts('2024-07-01T12:00:40Z'), artist: 'Beatles', title: 'Here Comes the Sun' },
        { uts: uts('2024-07-01T18:00:00Z'), artist: 'The Cure', title: 'Primary' },
      ]),
    });
    expect(result.error ?? result.state).toBe('succeeded');
    expect(result.files.map((f) => f.status)).toEqual(['imported', 'imported']);
    const listens = await sql.query<{ title: string; sources: string; is_skip: boolean; path: string | null; listened_elsewhere: boolean; match_confidence: number | null }>(
      'SELECT title, sources, is_skip, path, listened_elsewhere, match_confidence FROM silver.listens ORDER BY played_at',
    );
    expect(listens.map((l) => [l.sources, l.is_skip, l.path])).toEqual([
      ['lastfm+spotify', false, 'Music/sun.mp3'],
      ['spotify', true, 'Music/primary.flac'],
      ['lastfm', false, 'Music/primary.flac'],
      ['spotify', false, null],
    ]);
    expect(listens[3]?.listened_elsewhere).toBe(true);
    expect(listens[0]?.match_confidence).toBeGreaterThanOrEqual(0.8);
    expect(result.listensElsewhere).toBe(1);

    // Interactions reach gold.track_facts; the tag's counter (2) beats 1 service play, the tag rating stays.
    const facts = await sql.query<{ path: string; play_count: number; skip_count: number; rating: number | null; last_played_at: unknown }>(
      'SELECT path, play_count, skip_count, rating, CAST(last_played_at AS VARCHAR) AS last_played_at FROM gold.track_facts ORDER BY path',
    );
    expect(facts).toEqual([
      { path: 'Music/primary.flac', play_count: 2, skip_count: 1, rating: 3, last_played_at: '2024-07-01 18:00:00' },
      { path: 'Music/sun.mp3', play_count: 1, skip_count: 0, rating: null, last_played_at: '2024-07-01 12:00:00' },
    ]);

    const daily = await sql.query<{ day: string; source: string; listens: number; skips: number; minutes: number; distinct_tracks: number; multi_source_listens: number }>(
      'SELECT CAST(day AS VARCHAR) AS day, source, listens, skips, minutes, distinct_tracks, multi_source_listens FROM gold.listening_daily ORDER BY day, source',
    );
    expect(daily).toEqual([
      // Last.fm gives no time played: the matched track's 215 s stand in.
      { day: '2024-07-01', source: 'lastfm', listens: 1, skips: 0, minutes: 3.58, distinct_tracks: 1, multi_source_listens: 0 },
      { day: '2024-07-01', source: 'spotify', listens: 1, skips: 1, minutes: 3.25, distinct_tracks: 1, multi_source_listens: 1 },
      { day: '2024-07-02', source: 'spotify', listens: 1, skips: 0, minutes: 3.33, distinct_tracks: 1, multi_source_listens: 0 },
    ]);
  });

  it('adds nothing when the same file is imported twice, even renamed', async () => {
    const { sql, importFiles } = await lakeWith(TRACKS);
    const file = spotify([{ ts: '2024-07-01T12:03:05Z', ms: 185_000, artist: 'Beatles', title: 'Here Comes the Sun' }]);
    await importFiles({ 'a.json': file });
    const again = await importFiles({ 'renamed.json': file });
    expect(again.files.map((f) => f.status)).toEqual(['already imported']);
    const [n] = await sql.query<{ imports: number; listens: number; stages: number }>(
      `SELECT (SELECT count(*) FROM raw.history_imports) AS imports, (SELECT count(*) FROM raw.listens) AS listens,
              (SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'hist_stage_%') AS stages`,
    );
    expect(n).toEqual({ imports: 1, listens: 1, stages: 0 });
  });

  it('leaves nothing of a file that fails part way, and still succeeds for the others', async () => {
    const { sql, importFiles } = await lakeWith(TRACKS);
    // 30,000 good records (more than one staged batch) and then the file is cut short.
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ ts: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), ms: 60_000, artist: 'The Cure', title: 'Primary' }));
    const truncated = spotify(rows).slice(0, -200);
    const result = await importFiles({ 'cut.json': truncated, 'ok.csv': lastfm([{ uts: uts('2024-07-01T18:00:00Z'), artist: 'The Cure', title: 'Primary' }]) });
    expect(result.error ?? result.state).toBe('succeeded');
    expect(result.files.map((f) => [f.fileName, f.status])).toEqual([['cut.json', 'failed'], ['ok.csv', 'imported']]);
    expect(result.files[0]?.error).toMatch(/cut\.json/);
    const [n] = await sql.query<{ imports: number; listens: number; stages: number }>(
      `SELECT (SELECT count(*) FROM raw.history_imports) AS imports, (SELECT count(*) FROM raw.listens) AS listens,
              (SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'hist_stage_%') AS stages`,
    );
    expect(n).toEqual({ imports: 1, listens: 1, stages: 0 });
    const [run] = await sql.query<{ state: string; files_failed: number; files_new: number }>('SELECT state, files_failed, files_new FROM meta.runs ORDER BY run_id DESC LIMIT 1');
    expect(run).toEqual({ state: 'succeeded', files_failed: 1, files_new: 1 });
    const steps = await sql.query<{ step: string }>('SELECT step FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [result.runId]);
    // buildLakehouse may add steps (checks, publish) after these: only the import's own are pinned.
    expect(steps.map((s) => s.step).slice(0, 4)).toEqual(['parse', 'load', 'match', 'bronze']);
    expect(steps.map((s) => s.step)).toContain('gold');
  });

  it('takes iTunes counters and ratings, and a rating set in the app wins', async () => {
    const { sql, importFiles } = await lakeWith(TRACKS);
    const plist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple Computer//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict><key>Tracks</key><dict>
<key>1</key><dict><key>Track ID</key><integer>1</integer><key>Name</key><string>Primary</string><key>Artist</key><string>The Cure</string>
<key>Play Count</key><integer>7</integer><key>Skip Count</key><integer>4</integer><key>Rating</key><integer>80</integer>
<key>Play Date UTC</key><date>2023-05-01T10:00:00Z</date><key>Persistent ID</key><string>ABC</string></dict>
</dict></dict></plist>`;
    const r = await importFiles({ 'Library.xml': plist });
    expect(r.files[0]).toMatchObject({ status: 'imported', rowsKept: 1 });
    const get = () => sql.query<{ play_count: number; skip_count: number; rating: number }>(`SELECT play_count, skip_count, rating FROM gold.track_facts WHERE path = 'Music/primary.flac'`);
    // The tag's rating (3) outranks iTunes (4 stars); iTunes' counters are the largest.
    expect(await get()).toEqual([{ play_count: 7, skip_count: 4, rating: 3 }]);
    const [t] = await sql.query<{ track_id: string }>(`SELECT track_id FROM bronze.tracks WHERE path = 'Music/primary.flac'`);
    await sql.query(`INSERT INTO raw.user_ratings VALUES (?, 4.5, now(), 'track-page')`, [t!.track_id]);
    await sql.query(`INSERT INTO raw.player_events VALUES (?, 'play', 40, now(), 'wolfie-player')`, [t!.track_id]);
    const { runModels } = await import('../../src/lakehouse/models/models');
    await runModels(sql, ['bronze', 'silver', 'gold']);
    expect(await get()).toEqual([{ play_count: 8, skip_count: 4, rating: 4.5 }]);
    const ratings = await sql.query<{ source: string }>(`SELECT source FROM silver.ratings ORDER BY precedence`);
    expect(ratings.map((x) => x.source)).toEqual(['user', 'tag', 'itunes']);
  });
});
