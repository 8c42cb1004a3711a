// Issue 15, part 5: snapshot compare reports rows added, removed and changed per gold table by
// the table's key, with the run stamp (which every build changes) left out; a snapshot that is
// gone is said so, not shown as zeros. Real runs through buildLakehouse on the real engine.
import { describe, expect, it } from 'vitest';
import { compareSnapshots, setKeepCount, SnapshotMissing, type SnapshotDiff } from '../../src/lakehouse/backup/snapshots';
import { GOLD_KEYS } from '../../src/lakehouse/backup/snapshot-compare';
import { MODELS, orderModels, parseModel } from '../../src/lakehouse/models/models';
import { migratedClient } from '../support/node-db';
import { buildRun, ingestRun, record } from './pipeline-fixtures';

const LIB = [
  record('Music/a.mp3', { title: 'A', genre: 'House' }),
  record('Music/b.mp3', { title: 'B', genre: 'House' }),
  record('Music/c.mp3', { title: 'C', genre: 'Techno' }),
];
const changedB = record('Music/b.mp3', { title: 'B2', genre: 'House', size_bytes: 2000, last_modified_ms: 2 });
const addedD = record('Music/d.mp3', { title: 'D', genre: 'Techno' });

const byTable = (diff: SnapshotDiff[]) => Object.fromEntries(diff.map((d) => [d.table, d]));

describe('snapshot compare', () => {
  it('one track added, one removed, one changed: 1 / 1 / 1 on gold.track_facts, matched on track_id', async () => {
    const sql = await migratedClient();
    const first = await ingestRun(sql, 'Music', LIB);
    // a unchanged, b retagged, c gone from the folder, d new.
    const second = await ingestRun(sql, 'Music', [changedB, addedD], ['Music/a.mp3', 'Music/b.mp3', 'Music/d.mp3']);
    expect([first.state, second.state]).toEqual(['succeeded', 'succeeded']);

    const diff = byTable(await compareSnapshots(sql, first.runId, second.runId));
    expect(diff['gold.track_facts']).toEqual({
      table: 'gold.track_facts', rows_a: 3, rows_b: 3, added: 1, removed: 1, changed: 1, compared_by: 'key track_id',
    });
    // Every gold table with a known grain is compared by it (the key is unique in real builds).
    const keyed = Object.values(diff).filter((d) => d.table in GOLD_KEYS);
    expect(keyed.length).toBeGreaterThan(5);
    expect(keyed.filter((d) => !d.compared_by.startsWith('key ')).map((d) => `${d.table}: ${d.compared_by}`)).toEqual([]);
    // Per genre: House still has two tracks (b changed), Techno swapped c for d: the same counts.
    expect(diff['gold.genre_summary']).toMatchObject({ rows_a: 2, rows_b: 2, added: 0, removed: 0 });

    // A rebuild that changes nothing differs only in its run stamp: nothing added, removed or changed.
    const third = await buildRun(sql);
    for (const d of await compareSnapshots(sql, second.runId, third.runId)) {
      expect({ table: d.table, added: d.added, removed: d.removed, changed: d.changed ?? 0 }).toEqual({ table: d.table, added: 0, removed: 0, changed: 0 });
      expect(d.rows_a).toBe(d.rows_b);
    }
  }, 120_000);

  it('a table without a known key is compared by whole rows, and says so', async () => {
    const sql = await migratedClient();
    // A gold model the key list does not know (as a new one would be until it is added there).
    const models = orderModels([...MODELS, parseModel('test/gold/genre_counts.sql',
      '-- model: gold.genre_counts\n-- depends: gold.track_facts\nSELECT genre, count(*) AS tracks FROM gold.track_facts GROUP BY genre')]);
    const first = await ingestRun(sql, 'Music', LIB, undefined, { models });
    const second = await ingestRun(sql, 'Music', [{ ...changedB, genre: 'Techno' }], LIB.map((r) => r.path), { models });
    const counts = byTable(await compareSnapshots(sql, first.runId, second.runId))['gold.genre_counts'];
    // House 2 -> 1 and Techno 1 -> 2: two rows of a differ from two rows of b.
    expect(counts).toEqual({
      table: 'gold.genre_counts', rows_a: 2, rows_b: 2, added: 2, removed: 2, changed: null,
      compared_by: 'whole rows (no key): a changed row counts as 1 removed and 1 added',
    });
  }, 120_000);

  it('says why when a side has no snapshot: pruned, never published, or no such run', async () => {
    const sql = await migratedClient();
    const first = await ingestRun(sql, 'Music', LIB);
    const second = await ingestRun(sql, 'Music', [changedB], LIB.map((r) => r.path));
    await setKeepCount(sql, 1);
    await expect(compareSnapshots(sql, first.runId, second.runId)).rejects.toThrow(SnapshotMissing);
    await expect(compareSnapshots(sql, first.runId, second.runId)).rejects.toThrow(
      `The snapshot of run ${first.runId} is no longer kept: gold is kept for the last run only. Compare two runs from the list.`,
    );
    // A run an error rule stopped before it published.
    await sql.query(`INSERT INTO meta.dq_rules (rule_id, layer, kind, table_name, query, severity) VALUES ('stop', 'silver', 'predicate', 'silver.tracks', 'false', 'error')`);
    const blocked = await buildRun(sql);
    expect(blocked.state).toBe('failed');
    await expect(compareSnapshots(sql, second.runId, blocked.runId)).rejects.toThrow(
      `Run ${blocked.runId} (rebuild, failed at step "checks_silver") published no gold, so it has no snapshot. Compare two runs from the list.`,
    );
    await expect(compareSnapshots(sql, 999, second.runId)).rejects.toThrow('There is no run 999, so there is no snapshot of it to compare.');
  }, 120_000);
});
