// The inventory and the first models on the real engine: load, rescan, change, delete.
import { describe, expect, it } from 'vitest';
import type { TagRecord } from '../../workers/ingest/api';
import { diffInventory, loadTagBatch, markSeenAndDeleted, type LoadedTagRecord } from '../../src/lakehouse/runs/inventory';
import { runModels } from '../../src/lakehouse/models/models';
import { startRun } from '../../src/lakehouse/runs/runs';
import { migratedClient } from '../support/node-db';

const CONTRACT_COLUMNS = `track_id, path, artist, title, album, album_artist, genre, label, year, duration_s, format,
codec, sample_rate_hz, bitrate_kbps, bpm, bpm_confidence, key, key_strength, camelot,
loudness_lufs, loudness_range_lu, true_peak_dbtp, replaygain_track_gain_db, danceability,
energy, play_count, skip_count, rating, last_played_at, first_seen_at, predicted_rating, error`.split(/,\s*/);

function record(path: string, over: Partial<LoadedTagRecord> = {}): LoadedTagRecord {
  const base = Object.fromEntries(Object.keys({ path: 1 }).map((k) => [k, null])) as unknown as TagRecord;
  return {
    ...base, path, fingerprint: `fp-${path}`, reader: 'test', container: 'MPEG', codec: 'MPEG 1 Layer 3', lossless: false,
    duration_s: 200, sample_rate_hz: 44100, bitrate_kbps: 320, channels: 2, bits_per_sample: null, artist: 'A', artists: 'A',
    title: `T ${path}`, album: null, album_artist: null, genre: 'House', label: null, year: 2020, date_text: '2020', track_no: 1,
    disc_no: null, bpm_tag: null, key_tag: null, rating_tag: null, play_count_tag: null, comment: null, common_json: '{}',
    native_json: '{}', warnings: null, error: null, size_bytes: 1000, last_modified_ms: 1, is_demo: false, ...over,
  };
}

describe('inventory and first models', () => {
  it('loads a folder, builds gold with the contract columns, and rescans incrementally', async () => {
    const sql = await migratedClient();
    const run1 = await startRun(sql, 'ingest', 'Music');
    const files = ['Music/a.mp3', 'Music/b.mp3', 'Music/sub/c.flac'].map((p) => ({ path: p, size_bytes: 1000, last_modified_ms: 1 }));
    const diff1 = await diffInventory(sql, 'Music', files);
    expect(diff1.toRead).toHaveLength(3);
    expect(diff1.fresh).toBe(3);
    await loadTagBatch(sql, run1, [record('Music/a.mp3'), record('Music/b.mp3'), record('Music/sub/c.flac', { error: 'broken' })]);
    await runModels(sql, ['bronze', 'silver', 'gold']);
    const cols = await sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'gold' AND table_name = 'track_facts'`,
    );
    for (const c of CONTRACT_COLUMNS) expect(cols.map((r) => r.column_name)).toContain(c);
    const gold = await sql.query<{ path: string; format: string; error: string | null }>('SELECT path, format, error FROM gold.track_facts ORDER BY path');
    expect(gold.map((g) => g.format)).toEqual(['mp3', 'mp3', 'flac']);
    expect(gold[2]?.error).toBe('broken');

    // Second scan: a changed, b deleted, d new, c unchanged.
    const run2 = await startRun(sql, 'rescan', 'Music');
    const diff2 = await diffInventory(sql, 'Music', [
      { path: 'Music/a.mp3', size_bytes: 2000, last_modified_ms: 2 },
      { path: 'Music/sub/c.flac', size_bytes: 1000, last_modified_ms: 1 },
      { path: 'Music/d.ogg', size_bytes: 10, last_modified_ms: 1 },
    ]);
    expect(diff2.toRead.sort()).toEqual(['Music/a.mp3', 'Music/d.ogg']);
    expect(diff2.unchanged).toEqual(['Music/sub/c.flac']);
    expect(diff2.deleted).toEqual(['Music/b.mp3']);
    await loadTagBatch(sql, run2, [record('Music/a.mp3', { size_bytes: 2000, title: 'new a' }), record('Music/d.ogg')]);
    await markSeenAndDeleted(sql, run2, diff2.unchanged, diff2.deleted);
    await runModels(sql, ['bronze', 'silver', 'gold']);
    const after = await sql.query<{ path: string; title: string }>('SELECT path, title FROM gold.track_facts ORDER BY path');
    expect(after.map((r) => r.path)).toEqual(['Music/a.mp3', 'Music/d.ogg', 'Music/sub/c.flac']);
    expect(after[0]?.title).toBe('new a');
    const tomb = await sql.query<{ n: number }>('SELECT count(*) AS n FROM raw.files WHERE deleted_at IS NOT NULL');
    expect(tomb[0]?.n).toBe(1);
    // Re-running the models changes nothing.
    await runModels(sql, ['bronze', 'silver', 'gold']);
    expect(await sql.query('SELECT path, title FROM gold.track_facts ORDER BY path')).toEqual(after);
  });

  it('does not tombstone when most of a folder vanished at once', async () => {
    const sql = await migratedClient();
    const run = await startRun(sql, 'ingest', 'Music');
    const many = Array.from({ length: 30 }, (_, i) => record(`Music/${i}.mp3`));
    await loadTagBatch(sql, run, many);
    const diff = await diffInventory(sql, 'Music', [{ path: 'Music/0.mp3', size_bytes: 1000, last_modified_ms: 1 }]);
    expect(diff.deleted).toEqual([]);
    expect(diff.suspiciousShrink).toMatch(/29 of 30/);
  });
});
