// Dashboard gold models and queries on the real engine, over a small synthetic lakehouse built
// by the real pipeline models.
import { beforeAll, describe, expect, test } from 'vitest';
import { DASHBOARD_SQL, dashQuery, dashState, type DashFilters, type DashQuery } from '../../src/lakehouse/queries/dashboards';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { migratedClient } from '../support/node-db';
import { buildSyntheticLakehouse } from '../support/synthetic-lakehouse';

const ALL: DashFilters = { from: null, to: null, genre: null, source: null };
let sql: SqlClient;

beforeAll(async () => {
  sql = await migratedClient();
  await buildSyntheticLakehouse(sql, { tracks: 1500, listens: 15_000, start: '2023-01-01', days: 365 });
}, 120_000);

const EXTRA: Partial<Record<DashQuery, unknown[]>> = { trends_series: ['month'], trends_dims: ['bpm_band'], trends_movers: ['2023-01-01'] };

describe('dashboard queries', () => {
  test('every query runs unfiltered and filtered', async () => {
    const filtered: DashFilters = { from: '2023-07-01', to: '2023-12-31', genre: 'House', source: 'spotify' };
    for (const name of Object.keys(DASHBOARD_SQL) as DashQuery[]) {
      await dashQuery(sql, name, { ...ALL, from: '2023-07-01', to: '2023-12-31' }, EXTRA[name]);
      await dashQuery(sql, name, filtered, EXTRA[name]);
    }
  });

  test('state reports tracks, listens, genres and sources', async () => {
    const s = await dashState(sql);
    expect(s).toMatchObject({ tracks: 1500, listens: 15_000, needsBuild: false, firstDay: '2023-01-01', lastDay: '2023-12-31' });
    expect(s.sources).toEqual(['lastfm', 'spotify']);
    expect(s.genres).toContain('House');
  });

  test('daily totals equal the plays of silver.listens, and the series adds up to them', async () => {
    const [truth] = await sql.query<{ plays: number }>('SELECT count(*) FILTER (WHERE NOT is_skip) AS plays FROM silver.listens');
    const [totals] = await dashQuery<{ listens: number; tracks: number }>(sql, 'overview_totals', ALL);
    expect(Number(totals!.listens)).toBe(truth!.plays);
    expect(totals!.tracks).toBe(1500);
    const series = await dashQuery<{ listens: number }>(sql, 'trends_series', ALL, ['week']);
    expect(series.reduce((a, r) => a + r.listens, 0)).toBe(truth!.plays);
    const heat = await dashQuery<{ listens: number }>(sql, 'trends_heatmap', ALL);
    expect(heat.reduce((a, r) => a + r.listens, 0)).toBe(truth!.plays);
  });

  test('a genre filter narrows every total to that genre', async () => {
    const house = { ...ALL, genre: 'House' };
    const [truth] = await sql.query<{ n: number }>(
      `SELECT count(*) AS n FROM silver.listens l JOIN gold.track_facts f ON f.track_id = l.track_id WHERE f.genre = 'House' AND NOT l.is_skip`,
    );
    const [totals] = await dashQuery<{ listens: number }>(sql, 'overview_totals', house);
    expect(Number(totals!.listens)).toBe(truth!.n);
  });

  test('distribution dimensions each cover every track, and a clicked value filters them', async () => {
    const rows = await dashQuery<{ dim: string; value: string; tracks: number }>(sql, 'dist_dims', ALL);
    const per = (dim: string) => rows.filter((r) => r.dim === dim).reduce((a, r) => a + r.tracks, 0);
    expect(per('genre')).toBe(1500);
    expect(per('decade')).toBe(1500);
    const band = rows.find((r) => r.dim === 'bpm_band' && r.value === '120–129')!;
    const tracks = await dashQuery(sql, 'dist_tracks', ALL, ['bpm_band', '120–129']);
    expect(tracks.length).toBe(Math.min(band.tracks, 200));
    const narrowed = await dashQuery<{ dim: string; tracks: number }>(sql, 'dist_dims', ALL, ['bpm_band', '120–129']);
    expect(narrowed.filter((r) => r.dim === 'genre').reduce((a, r) => a + r.tracks, 0)).toBe(band.tracks);
  });

  test('the default top lists come from gold.dash_overview_top and equal the computed ranking', async () => {
    const fromGold = await dashQuery(sql, 'overview_top', ALL);
    // A period covering all time takes the computed path; it must give the same lists.
    const computed = await dashQuery(sql, 'overview_top', { ...ALL, from: '1900-01-01' });
    expect(fromGold.length).toBe(40);
    expect(computed).toEqual(fromGold);
  });

  test('streaks are runs of consecutive days', async () => {
    const [longest] = await dashQuery<{ days: number; first_day: unknown; last_day: unknown }>(sql, 'trends_streaks', ALL);
    expect(longest!.days).toBeGreaterThan(300); // 110 plays a day over a year leave no empty day
  });

  test('over-played tracks get alternatives in a neighbouring key and within 4 % BPM', async () => {
    const rows = await dashQuery<{ bpm: number; play_count: number; alternatives: { bpm: number }[] | null }>(sql, 'library_overplayed', ALL);
    expect(rows.length).toBe(10);
    const withAlt = rows.filter((r) => r.alternatives?.length);
    expect(withAlt.length).toBeGreaterThan(0);
    for (const r of withAlt) for (const a of r.alternatives!) expect(Math.abs(a.bpm - r.bpm)).toBeLessThanOrEqual(r.bpm * 0.04 + 1e-9);
    // The genre filter narrows the over-played tracks to that genre.
    const genre = (await sql.query<{ genre: string }>('SELECT genre FROM gold.dash_track_dims WHERE genre IS NOT NULL ORDER BY play_count DESC LIMIT 1'))[0]!.genre;
    const narrowed = await dashQuery<{ track_id: string }>(sql, 'library_overplayed', { ...ALL, genre });
    expect(narrowed.length).toBeGreaterThan(0);
    const genres = await sql.query<{ genre: string }>(
      `SELECT DISTINCT genre FROM gold.dash_track_dims WHERE track_id IN (${narrowed.map((r) => `'${r.track_id}'`).join(', ')})`,
    );
    expect(genres.map((g) => g.genre)).toEqual([genre]);
  });

  test('versions of one song are found; missing tags are counted', async () => {
    const dups = await dashQuery<{ kind: string; copies: number }>(sql, 'library_duplicates', ALL);
    expect(dups.every((d) => d.copies > 1)).toBe(true);
    const missing = await dashQuery<{ tag: string; tracks: number }>(sql, 'library_missing_tags', ALL);
    expect(missing.find((m) => m.tag === 'genre')?.tracks).toBe(30); // every 50th track
    // The counts and examples from gold.dash_missing_tags equal a direct scan of the tracks.
    for (const genre of [null, 'House']) {
      const direct = await sql.query(
        `WITH t AS (SELECT * FROM gold.track_facts WHERE $1 IS NULL OR coalesce(genre, '(no genre)') = $1),
        m AS (SELECT tag, track_id, artist, title FROM t, unnest(['artist', 'title', 'genre', 'year', 'label', 'album', 'bpm', 'key']) AS u(tag)
          WHERE CASE tag WHEN 'artist' THEN artist IS NULL WHEN 'title' THEN title IS NULL WHEN 'genre' THEN genre IS NULL WHEN 'year' THEN year IS NULL
            WHEN 'label' THEN label IS NULL WHEN 'album' THEN album IS NULL WHEN 'bpm' THEN bpm IS NULL ELSE key IS NULL END)
        SELECT tag, count(*) AS tracks, round(100.0 * count(*) / (SELECT count(*) FROM t), 1) AS pct,
          list(coalesce(artist || ' – ', '') || coalesce(title, track_id) ORDER BY artist, title, track_id)[1:5] AS examples
        FROM m GROUP BY tag ORDER BY tracks DESC, tag`,
        [genre],
      );
      expect(await dashQuery(sql, 'library_missing_tags', { ...ALL, genre })).toEqual(direct);
    }
  });

  test('risers and fallers compare the period with the one before it', async () => {
    const rows = await dashQuery<{ kind: string; before: number; after: number; change: number }>(
      sql, 'trends_movers', { ...ALL, from: '2023-07-01', to: '2023-12-31' }, ['2023-01-01'],
    );
    expect(rows.filter((r) => r.kind === 'riser')).toHaveLength(5);
    for (const r of rows) expect(r.change).toBe(r.after - r.before);
  });
});
