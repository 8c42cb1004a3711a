// Issue 4 on the real engine: silver conforms tag values, duplicates become one track with two
// files, gold keeps the contract, every model leaves lineage, re-running changes nothing, and a
// deleted file becomes a tombstone that leaves silver and gold.
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/lakehouse/models/models';
import { migratedClient } from '../support/node-db';
import { buildRun, goldState, ingestRun, record } from './pipeline-fixtures';

const LIB = [
  record('Music/a.mp3', { artist: '  Daft&#32;Punk feat.  Pharrell   Williams ', title: 'Get Lucky &amp; Friends', genre: 'hip hop', date_text: '2013-04-19', key_tag: 'F#m', common_json: '{"copyright":"(P) 2013 Columbia Records"}' }),
  record('Music/b.mp3', { artist: 'AC/DC', title: 'Cafe\u0301', genre: 'Drum n Bass', label: 'Warp', key_tag: '8A', bpm_tag: 174 }),
  record('Music/c.flac', { artist: 'X & Y; Z / W', genre: 'Techno', date_text: '1999-13', year: 1999, key_tag: 'nonsense' }),
  record('Music/copy/a.mp3', { fingerprint: 'fp-Music/a.mp3', artist: 'Daft Punk', title: 'Get Lucky (copy tags)' }),
  record('Music/bad.ogg', { fingerprint: null, error: 'Not an audio file', artist: null, title: null }),
];

describe('medallion models', () => {
  it('conforms silver, keeps one gold row per track with the contract, and records lineage for every model', async () => {
    const sql = await migratedClient();
    const run = await ingestRun(sql, 'Music', LIB);
    expect(run).toMatchObject({ state: 'succeeded' });

    const tracks = await sql.query<Record<string, unknown>>('SELECT * FROM silver.tracks ORDER BY path');
    const a = tracks.find((t) => t.path === 'Music/a.mp3')!;
    expect(a).toMatchObject({ artist: 'Daft Punk feat. Pharrell Williams', title: 'Get Lucky & Friends', genre: 'Hip-Hop', year: 2013, month: 4, day: 19,
      key: 'F# minor', label: null, label_source: null, file_count: 2, source_path: 'Music/a.mp3', model: 'silver.tracks', run_id: run.runId });
    const b = tracks.find((t) => t.path === 'Music/b.mp3')!;
    expect(b).toMatchObject({ title: 'Café', genre: 'Drum & Bass', key: 'A minor', label: 'Warp', label_source: 'label tag' });
    expect((b.title as string).length).toBe(4); // NFC: one code point for é
    const c = tracks.find((t) => t.path === 'Music/c.flac')!;
    expect(c).toMatchObject({ year: 1999, month: null, key: null });
    // The copy shares a's fingerprint: one track, two files.
    expect(tracks.map((t) => t.path)).not.toContain('Music/copy/a.mp3');
    const files = await sql.query<{ path: string; track_id: string; is_canonical: boolean }>('SELECT path, track_id, is_canonical FROM silver.track_files ORDER BY path');
    expect(files).toHaveLength(5);
    expect(files.find((f) => f.path === 'Music/copy/a.mp3')?.track_id).toBe(a.track_id);

    const credits = await sql.query<{ path: string; artist_name: string; role: string }>(
      'SELECT t.path, artist_name, role FROM silver.track_artists JOIN silver.tracks t USING (track_id) ORDER BY t.path, credit_order',
    );
    expect(credits.filter((r) => r.path === 'Music/a.mp3').map((r) => [r.artist_name, r.role])).toEqual([['Daft Punk', 'main'], ['Pharrell Williams', 'featured']]);
    expect(credits.filter((r) => r.path === 'Music/b.mp3').map((r) => r.artist_name)).toEqual(['AC/DC']);
    expect(credits.filter((r) => r.path === 'Music/c.flac').map((r) => r.artist_name)).toEqual(['X', 'Y', 'Z', 'W']);

    const gold = await sql.query<{ track_id: string; path: string; run_id: number }>('SELECT track_id, path, run_id FROM gold.track_facts ORDER BY path');
    expect(gold.map((g) => g.path)).toEqual(['Music/a.mp3', 'Music/b.mp3', 'Music/bad.ogg', 'Music/c.flac']);
    expect(new Set(gold.map((g) => g.track_id)).size).toBe(4);
    const dupes = await sql.query<{ path: string }>('SELECT path FROM gold.duplicate_files ORDER BY path');
    expect(dupes.map((d) => d.path)).toEqual(['Music/a.mp3', 'Music/copy/a.mp3']);
    const genres = await sql.query<{ genre: string; track_count: number }>('SELECT genre, track_count FROM gold.genre_summary ORDER BY genre');
    expect(genres.map((g) => g.genre)).toContain('Drum & Bass');

    const lineage = await sql.query<{ model: string; rows_out: number }>('SELECT model, rows_out FROM meta.lineage WHERE run_id = ?', [run.runId]);
    for (const m of MODELS) expect(lineage.map((l) => l.model), m.name).toContain(m.name);
    expect(lineage.find((l) => l.model === 'gold.track_facts')?.rows_out).toBe(4);
    const steps = await sql.query<{ step: string; state: string }>('SELECT step, state FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [run.runId]);
    expect(steps.map((s) => s.step)).toEqual(['bronze', 'checks_bronze', 'silver', 'checks_silver', 'gold', 'checks_gold', 'publish', 'anomalies']);
    expect(steps.every((s) => s.state === 'succeeded')).toBe(true);
    const results = await sql.query<{ n: number }>('SELECT count(*) AS n FROM meta.dq_results WHERE run_id = ?', [run.runId]);
    expect(results[0]!.n).toBeGreaterThan(15);
    const described = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM meta.descriptions WHERE source = 'model' AND schema_name = 'silver' AND table_name = 'tracks' AND column_name = 'genre'`);
    expect(described[0]!.n).toBe(1);
  });

  it('changes nothing when run again, incrementally or in full', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', LIB);
    const before = await goldState(sql);
    const again = await ingestRun(sql, 'Music', LIB);
    expect(again.state).toBe('succeeded');
    const bronze = await sql.query<{ mode: string; rows_in: number }>(`SELECT mode, rows_in FROM meta.lineage WHERE run_id = ? AND model = 'bronze.tracks'`, [again.runId]);
    expect(bronze[0]).toEqual({ mode: 'incremental', rows_in: 0 });
    expect(await goldState(sql)).toEqual(before);
    expect((await buildRun(sql, { full: true })).state).toBe('succeeded');
    expect(await goldState(sql)).toEqual(before);
  });

  it('turns a deleted file into a tombstone and a changed one into new values, touching only those keys', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', LIB);
    const changed = record('Music/b.mp3', { artist: 'AC/DC', title: 'Thunderstruck', size_bytes: 2000, last_modified_ms: 2 });
    const run = await ingestRun(sql, 'Music', [changed], LIB.map((r) => r.path).filter((p) => p !== 'Music/c.flac'));
    expect(run.state).toBe('succeeded');
    const tomb = await sql.query<{ path: string }>('SELECT path FROM raw.files WHERE deleted_at IS NOT NULL');
    expect(tomb.map((t) => t.path)).toEqual(['Music/c.flac']);
    expect(await sql.query(`SELECT path FROM silver.tracks WHERE path = 'Music/c.flac'`)).toEqual([]);
    expect(await sql.query(`SELECT path FROM gold.track_facts WHERE path = 'Music/c.flac'`)).toEqual([]);
    expect(await sql.query(`SELECT title FROM gold.track_facts WHERE path = 'Music/b.mp3'`)).toEqual([{ title: 'Thunderstruck' }]);
    const bronze = await sql.query<{ mode: string; rows_in: number }>(`SELECT mode, rows_in FROM meta.lineage WHERE run_id = ? AND model = 'bronze.tracks'`, [run.runId]);
    expect(bronze[0]).toEqual({ mode: 'incremental', rows_in: 2 });
    const silver = await sql.query<{ mode: string; rows_in: number }>(`SELECT mode, rows_in FROM meta.lineage WHERE run_id = ? AND model = 'silver.tracks'`, [run.runId]);
    expect(silver[0]).toEqual({ mode: 'incremental', rows_in: 2 });
    // Unchanged rows keep the run that built them; the changed row carries this run.
    const stamps = await sql.query<{ path: string; run_id: number }>('SELECT path, run_id FROM bronze.tracks ORDER BY path');
    expect(stamps.find((s) => s.path === 'Music/b.mp3')?.run_id).toBe(run.runId);
    expect(stamps.find((s) => s.path === 'Music/a.mp3')?.run_id).toBe(1);
  });
});
