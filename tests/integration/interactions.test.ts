// Issue 15: a rating, a play or a skip is in gold at once, with the models' own definitions: the
// interactions step gives the same rows a full rebuild gives, its aggregates follow, and an
// action during a run is not lost when that run publishes.
import { describe, expect, it } from 'vitest';
import { catchUpInteractions, rateTrack, recordPlayerEvent } from '../../src/app/commands/interactions';
import { loadTagBatch } from '../../src/lakehouse/runs/inventory';
import { runModels } from '../../src/lakehouse/models/models';
import { refreshDerivedGold } from '../../src/lakehouse/interactions/refresh';
import { startRun } from '../../src/lakehouse/runs/runs';
import { runRebuild } from '../../src/pipeline/rebuild-run';
import { createWriter } from '../../src/lakehouse/engine/writer';
import { tagRecord } from '../support/history-lake';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';

const FIGURES = 'track_id, play_count, skip_count, rating, last_played_at';

async function library(sql: SqlClient) {
  const run = await startRun(sql, 'ingest', 'Music');
  await loadTagBatch(sql, run, [
    { ...tagRecord({ path: 'Music/a.mp3', artist: 'Ann', title: 'One', duration_s: 200, play_count_tag: 2 }), fingerprint: 'fa' },
    { ...tagRecord({ path: 'Music/b.mp3', artist: 'Ann', title: 'Two', duration_s: 100, rating_tag: 3 }), fingerprint: 'fb' },
    { ...tagRecord({ path: 'Music/c.mp3', artist: 'Bob', title: 'Three', duration_s: 180 }), fingerprint: 'fc' },
  ]);
  await runModels(sql, ['bronze', 'silver', 'gold'], { runId: run });
  const ids = await sql.query<{ track_id: string; title: string }>('SELECT track_id, title FROM gold.track_facts ORDER BY title');
  return Object.fromEntries(ids.map((r) => [r.title, r.track_id])) as Record<'One' | 'Two' | 'Three', string>;
}

const figures = (sql: SqlClient) => sql.query(`SELECT ${FIGURES} FROM gold.track_facts ORDER BY track_id`);

describe('interactions in gold at once', () => {
  it('a rating, a play and a skip show in gold.track_facts right after the command, equal to a full rebuild', async () => {
    const sql = await migratedClient();
    const t = await library(sql);
    const ctx = testCommandContext(sql);

    expect((await rateTrack(ctx, t.Three, 4, 'library-table', 'Three')).ok).toBe(true);
    expect(await sql.query('SELECT rating FROM gold.track_facts WHERE track_id = ?', [t.Three])).toEqual([{ rating: 4 }]);
    expect(ctx.announced.at(-1)).toEqual(expect.arrayContaining(['raw.user_ratings', 'silver.ratings', 'gold.track_facts', 'meta.audit_log']));
    expect(await sql.query("SELECT details FROM meta.audit_log WHERE action = 'rating'")).toEqual([{ details: expect.stringMatching(/^Rated 4 stars: "Three"/) }]);

    // The person's rating wins over the tag; clearing it falls back to the tag.
    await rateTrack(ctx, t.Two, 5, 'track-page', 'Two');
    expect(await sql.query('SELECT rating FROM gold.track_facts WHERE track_id = ?', [t.Two])).toEqual([{ rating: 5 }]);
    await rateTrack(ctx, t.Two, null, 'track-page', 'Two');
    expect(await sql.query('SELECT rating FROM gold.track_facts WHERE track_id = ?', [t.Two])).toEqual([{ rating: 3 }]);

    // Plays add on top of the tag's counter; a skip counts as a skip; the last play is the play's start.
    await recordPlayerEvent(ctx, { trackId: t.One, event: 'play', positionS: 60, startedAtMs: Date.parse('2026-11-01T10:00:00Z') });
    await recordPlayerEvent(ctx, { trackId: t.One, event: 'skip', positionS: 5, startedAtMs: Date.parse('2026-11-01T10:05:00Z') });
    expect(await sql.query('SELECT play_count, skip_count, epoch_ms(last_played_at) AS at FROM gold.track_facts WHERE track_id = ?', [t.One]))
      .toEqual([{ play_count: 3, skip_count: 1, at: Date.parse('2026-11-01T10:00:00Z') }]);
    expect(await sql.query("SELECT count(*)::INT AS n FROM silver.listens WHERE source = 'wolfie-player'")).toEqual([{ n: 2 }]);

    // The step's rows are the model's rows: a full rebuild changes none of them.
    const atOnce = await figures(sql);
    const silverAtOnce = await sql.query('SELECT * FROM silver.track_interactions ORDER BY track_id');
    await runModels(sql, ['silver', 'gold'], { runId: 50, full: true });
    expect(await figures(sql)).toEqual(atOnce);
    expect(await sql.query('SELECT * FROM silver.track_interactions ORDER BY track_id')).toEqual(silverAtOnce);
  }, 60_000);

  it('the aggregates over the figures follow, from the same rows', async () => {
    const sql = await migratedClient();
    const t = await library(sql);
    const ctx = testCommandContext(sql);
    await recordPlayerEvent(ctx, { trackId: t.Three, event: 'play', positionS: 90, startedAtMs: Date.parse('2026-11-02T08:00:00Z') });
    await sql.transaction(() => refreshDerivedGold(sql));
    const played = async () => (await sql.query<{ play_count: number }>('SELECT play_count FROM gold.dash_track_dims WHERE track_id = ?', [t.Three]))[0]?.play_count;
    const daily = () => sql.query("SELECT day, source, listens FROM gold.listening_daily ORDER BY day, source");
    expect(await played()).toBe(1);
    const atOnce = await daily();
    expect(atOnce.length).toBeGreaterThan(0);
    await runModels(sql, ['gold'], { runId: 51, full: true });
    expect(await played()).toBe(1);
    expect(await daily()).toEqual(atOnce);
  }, 60_000);

  it('a rating made while a run rebuilds is not lost when that run publishes', async () => {
    const sql = await migratedClient();
    const t = await library(sql);
    const ctx = testCommandContext(sql);
    const writer = createWriter(sql);
    const started = Date.now() - 1;
    // The rebuild and the rating interleave on one connection through their own sessions.
    const rebuild = runRebuild({ sql: writer.session(), checkpoint: async () => undefined });
    const rated = rateTrack(ctx, t.One, 2, 'library-table', 'One');
    expect((await rebuild).state).toBe('succeeded');
    expect((await rated).ok).toBe(true);
    expect((await catchUpInteractions(ctx, started)).ok).toBe(true);
    expect(await sql.query('SELECT rating FROM gold.track_facts WHERE track_id = ?', [t.One])).toEqual([{ rating: 2 }]);
  }, 60_000);
});
