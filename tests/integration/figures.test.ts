// Issue 15, one definition per figure: a track's plays, skips and last play (gold.track_facts), a
// period's plays and minutes (gold.daily_track_listens) and never-played agree between the table,
// the track page, Library optimisation, the Overview, the trends, smart playlists and the recap,
// over a generated history with plays, skips, a placeholder date, a listen of a duplicate file's
// track and listens of recordings not in the library. tests/e2e/figures.test.ts reads the same
// through the UI.
import { beforeAll, describe, expect, it } from 'vitest';
import { historyLoad } from '../../workers/history-load/history-load';
import { dashQuery, type DashFilters } from '../../src/lakehouse/queries/dashboards';
import { libraryTracks, trackById } from '../../src/lakehouse/queries/queries';
import { compileSmartPlaylist } from '../../src/lakehouse/queries/playlists';
import { recap } from '../../src/lakehouse/queries/recap';
import { trackLineage } from '../../src/lakehouse/models/track-lineage';
import { loadTagBatch } from '../../src/lakehouse/runs/inventory';
import { startRun } from '../../src/lakehouse/runs/runs';
import { runImport } from '../../src/pipeline/import-run';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { allTimeByTrack, periodFigures, spotifyExtended, topOf, type Heard, type Listen } from '../support/generated-history';
import { tagRecord } from '../support/history-lake';
import { migratedClient } from '../support/node-db';

// 'Ann – Uno' is a copy of One's file (same audio) whose tags someone edited: its listens match
// that copy, and count for the track One, whose canonical file is the shorter path.
const FILES = [
  { path: 'Music/a/one.mp3', artist: 'Ann', title: 'One', fingerprint: 'f1' },
  { path: 'Music/copies/one-again.mp3', artist: 'Ann', title: 'Uno', fingerprint: 'f1' },
  { path: 'Music/b/two.mp3', artist: 'Ann', title: 'Two', fingerprint: 'f2' },
  { path: 'Music/c/three.mp3', artist: 'Bob', title: 'Three', fingerprint: 'f3', play_count_tag: 5 },
  { path: 'Music/d/four.mp3', artist: 'Cat', title: 'Four', fingerprint: 'f4' },
  { path: 'Music/e/five.mp3', artist: 'Dan', title: 'Five', fingerprint: 'f5' },
];
const TRACK_OF: Record<string, string> = { 'Ann – One': 'One', 'Ann – Uno': 'One', 'Ann – Two': 'Two', 'Bob – Three': 'Three', 'Cat – Four': 'Four' };

const play = (start: string, artist: string, title: string, s = 180): Listen => ({ start, msPlayed: s * 1000, artist, title });
const LISTENS: Listen[] = [
  play('2024-02-10T09:00:00Z', 'Ann', 'Two'), play('2024-02-20T23:30:00Z', 'Ann', 'Two'), play('2024-03-02T10:00:00Z', 'Ann', 'Two', 100),
  play('2024-03-05T08:00:00Z', 'Ann', 'One'), play('2024-03-06T08:00:00Z', 'Ann', 'One'), play('2024-03-28T21:00:00Z', 'Ann', 'One', 200),
  { start: '2024-03-07T08:00:00Z', msPlayed: 12_000, artist: 'Ann', title: 'One' }, // a skip: under 30 s
  play('2024-03-20T12:00:00Z', 'Ann', 'Uno'), play('2024-03-21T12:00:00Z', 'Ann', 'Uno'), // the duplicate file
  play('1970-01-01T00:00:00Z', 'Ann', 'One'), // a placeholder date: a play of all time, of no period
  { start: '2024-03-10T18:00:00Z', msPlayed: 95_000, artist: 'Cat', title: 'Four', skipped: true }, // marked skipped: no play
  play('2024-02-14T20:00:00Z', 'Zed', 'Elsewhere'), play('2024-03-14T20:00:00Z', 'Zed', 'Elsewhere'), play('2024-03-15T20:00:00Z', 'Zed', 'Elsewhere'),
  play('2024-01-31T07:00:00Z', 'Yan', 'Nowhere', 60),
];

let sql: SqlClient;
let ids: Record<string, string>;
const heard = (l: Listen): Heard => {
  const t = TRACK_OF[`${l.artist} – ${l.title}`];
  return t ? { key: t, artist: t === 'Three' ? 'Bob' : t === 'Four' ? 'Cat' : 'Ann', name: `${t === 'Three' ? 'Bob' : t === 'Four' ? 'Cat' : 'Ann'} – ${t}` } : null;
};

beforeAll(async () => {
  sql = await migratedClient();
  const run = await startRun(sql, 'ingest', 'Music');
  await loadTagBatch(sql, run, FILES.map((f) => ({ ...tagRecord(f), fingerprint: f.fingerprint })));
  const lake = { sql, checkpoint: async () => undefined };
  const result = await runImport(lake, [new File([spotifyExtended(LISTENS)], 'Streaming_History_Audio_2024.json')], { parse: historyLoad.parse });
  expect(result.error ?? result.state).toBe('succeeded');
  const rows = await sql.query<{ track_id: string; title: string }>('SELECT track_id, title FROM gold.track_facts');
  ids = Object.fromEntries(rows.map((r) => [r.title, r.track_id]));
}, 120_000);

const ALL: DashFilters = { from: null, to: null, genre: null, source: null };
const PERIODS: [string | null, string | null][] = [[null, null], ['2024-03-01', '2024-03-31'], ['2024-02-15', '2024-03-10'], ['2024-03-06', '2024-03-20']];
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('one definition per figure', () => {
  it("counts a duplicate file's listens for its track, and the placeholder-dated play all time only", async () => {
    expect(Object.keys(ids).sort()).toEqual(['Five', 'Four', 'One', 'Three', 'Two']); // the copy is no track of its own
    const expected = allTimeByTrack(LISTENS, heard);
    const facts = await sql.query<{ title: string; play_count: number; skip_count: number; last: string | null }>(
      `SELECT title, play_count, skip_count, strftime(last_played_at, '%Y-%m-%dT%H:%M:%SZ') AS last FROM gold.track_facts ORDER BY title`,
    );
    expect(facts).toEqual([
      { title: 'Five', play_count: null, skip_count: null, last: null }, // nothing counted it: read as 0 everywhere
      { title: 'Four', play_count: 0, skip_count: expected.get('Four')!.skips, last: null },
      { title: 'One', play_count: expected.get('One')!.plays, skip_count: expected.get('One')!.skips, last: '2024-03-28T21:00:00Z' },
      { title: 'Three', play_count: 5, skip_count: 0, last: null }, // the tag's counter: plays without dates
      { title: 'Two', play_count: expected.get('Two')!.plays, skip_count: 0, last: '2024-03-02T10:00:00Z' },
    ]);
    expect(expected.get('One')!.plays).toBe(6);
    // The track page and the table read the same column; the page's sources count the copy's listens too.
    for (const title of Object.keys(ids)) {
      const fact = facts.find((f) => f.title === title)!;
      expect((await trackById(sql, ids[title]!))?.play_count).toBe(fact.play_count);
      expect((await libraryTracks(sql)).find((t) => t.track_id === ids[title])?.play_count).toBe(fact.play_count);
    }
    const lineage = await trackLineage(sql, ids.One!);
    expect(lineage?.contributions.filter((c) => c.kind === 'history').reduce((n, c) => n + (c.plays ?? 0), 0)).toBe(6);
  });

  it('never played is play_count 0 in Library optimisation and in smart playlists, skips or not', async () => {
    const rare = await dashQuery<{ kind: string; title: string }>(sql, 'library_rarely_played', ALL);
    const never = rare.filter((r) => r.kind === 'never').map((r) => r.title).sort();
    expect(never).toEqual(['Five', 'Four']);
    const { sql: text, params } = compileSmartPlaylist({ name: 'n', match: 'all', rules: [{ field: 'last_played_at', op: 'never' }], sort: { field: 'title', dir: 'asc' }, limit: null });
    expect((await sql.query<{ title: string }>(text, params)).map((r) => r.title)).toEqual(never);
    const usage = await sql.query<{ title: string; play_count: number }>('SELECT title, play_count FROM gold.dash_track_usage ORDER BY title');
    const facts = await sql.query<{ title: string; play_count: number }>('SELECT title, coalesce(play_count, 0) AS play_count FROM gold.track_facts ORDER BY title');
    expect(usage).toEqual(facts);
  });

  it.each(PERIODS)('a period (%s to %s): totals, trends, top lists and the recap hold the same plays and minutes', async (from, to) => {
    const want = periodFigures(LISTENS, heard, from, to);
    const f: DashFilters = { ...ALL, from, to };
    const [totals] = await dashQuery<{ listens: number; skips: number; listened_h: number }>(sql, 'overview_totals', f);
    expect([Number(totals!.listens), Number(totals!.skips)]).toEqual([want.plays, want.skips]);
    expect(totals!.listened_h).toBe(Math.round(want.ms / 360_000) / 10);

    const series = await dashQuery<{ listens: number; minutes: number }>(sql, 'trends_series', f, ['day']);
    expect(series.reduce((n, r) => n + Number(r.listens), 0)).toBe(want.plays);
    expect(series.reduce((n, r) => n + r.minutes, 0)).toBeCloseTo(want.ms / 60_000, 1);
    const heat = await dashQuery<{ listens: number }>(sql, 'trends_heatmap', f);
    expect(heat.reduce((n, r) => n + Number(r.listens), 0)).toBe(want.plays);
    for (const dim of ['genre', 'bpm_band', 'key', 'decade']) {
      const dims = await dashQuery<{ listens: number }>(sql, 'trends_dims', f, [dim]);
      expect(dims.reduce((n, r) => n + Number(r.listens), 0), dim).toBe(want.plays);
    }
    const days = await sql.query<{ n: number }>(
      `SELECT coalesce(sum(listens), 0)::INT AS n FROM gold.listening_daily WHERE day BETWEEN coalesce(CAST(? AS DATE), DATE '0001-01-01') AND coalesce(CAST(? AS DATE), DATE '9999-12-31')`, [from, to],
    );
    expect(days[0]!.n).toBe(want.plays);

    // Every list's bars are shares of the period's plays (few enough here that all are shown).
    const top = await dashQuery<{ kind: string; name: string; listens: number }>(sql, 'overview_top', f);
    const of = (kind: string) => top.filter((t) => t.kind === kind).map((t) => ({ name: t.name, count: Number(t.listens) }));
    for (const kind of ['artist', 'track', 'genre', 'label']) expect(of(kind).reduce((n, t) => n + t.count, 0), kind).toBe(want.plays);
    expect(of('track')).toEqual(topOf(want.tracks, 10));
    expect(of('artist')).toEqual(topOf(want.artists, 10));

    const r = await recap(sql, from ?? '1900-01-01', to ? nextDay(to) : '2100-01-01');
    expect([r.listens, r.minutes]).toEqual([want.plays, Math.round(want.ms / 60_000)]);
    expect(r.topArtists).toEqual(of('artist').slice(0, 5));
    expect(r.topTracks.map(({ name, count }) => ({ name, count }))).toEqual(of('track').slice(0, 5));
    // Beside a period's plays, the recap gives a library track's plays of all time: gold.track_facts.
    for (const t of r.topTracks.filter((x) => x.allTime !== undefined)) {
      const title = t.name.split(' – ')[1]!;
      expect(t.allTime, t.name).toBe((await trackById(sql, ids[title]!))?.play_count);
    }
  });

  it('the default top lists (built by the pipeline) equal the computed ones', async () => {
    expect(await dashQuery(sql, 'overview_top', ALL)).toEqual(await dashQuery(sql, 'overview_top', { ...ALL, from: '1900-01-01' }));
  });
});
