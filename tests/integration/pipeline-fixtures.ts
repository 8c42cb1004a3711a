// Shared set-up of the pipeline tests: tag records as the tag reader returns them, loaded
// through the real inventory code into a migrated in-memory lakehouse, and runs through the
// real run/step machinery.
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { diffInventory, loadTagBatch, markSeenAndDeleted, type LoadedTagRecord } from '../../src/lakehouse/runs/inventory';
import { startRun, endRun } from '../../src/lakehouse/runs/runs';
import { buildLakehouse, type BuildOptions } from '../../src/pipeline/build-lakehouse';
import { createRunContext } from '../../src/pipeline/run-steps';

export function record(path: string, over: Partial<LoadedTagRecord> = {}): LoadedTagRecord {
  return {
    path, fingerprint: `fp-${path}`, reader: 'test', container: 'MPEG', codec: 'MPEG 1 Layer 3', lossless: false,
    duration_s: 200, sample_rate_hz: 44100, bitrate_kbps: 320, channels: 2, bits_per_sample: null, artist: 'Artist', artists: 'Artist',
    title: `T ${path}`, album: null, album_artist: null, genre: 'House', label: null, year: 2020, date_text: '2020', track_no: 1,
    disc_no: null, bpm_tag: 124, key_tag: null, rating_tag: null, play_count_tag: null, comment: null, common_json: '{}',
    native_json: '{}', warnings: null, error: null, size_bytes: 1000, last_modified_ms: 1, is_demo: false, ...over,
  };
}

/** One run as ingest does it: scan diff, load what changed, tombstone what vanished, then build. */
export async function ingestRun(sql: SqlClient, root: string, records: LoadedTagRecord[], present: string[] = records.map((r) => r.path), opts: BuildOptions = {}) {
  const runId = await startRun(sql, 'ingest', root);
  const byPath = new Map(records.map((r) => [r.path, r]));
  const scanned = present.map((p) => ({ path: p, size_bytes: byPath.get(p)?.size_bytes ?? 1000, last_modified_ms: byPath.get(p)?.last_modified_ms ?? 1 }));
  const diff = await diffInventory(sql, root, scanned);
  await sql.query('UPDATE meta.runs SET files_seen = ? WHERE run_id = ?', [scanned.length, runId]);
  await loadTagBatch(sql, runId, records.filter((r) => diff.toRead.includes(r.path)));
  await markSeenAndDeleted(sql, runId, diff.unchanged, diff.deleted);
  if (diff.suspiciousShrink) await sql.query(`INSERT INTO meta.logs (level, run_id, step, message) VALUES ('warn', ?, 'scan', ?)`, [runId, diff.suspiciousShrink]);
  return finish(sql, runId, opts);
}

/** A rebuild-only run (no scan), full or incremental. */
export async function buildRun(sql: SqlClient, opts: BuildOptions = {}) {
  return finish(sql, await startRun(sql, 'rebuild', null), opts);
}

async function finish(sql: SqlClient, runId: number, opts: BuildOptions) {
  try {
    await buildLakehouse(createRunContext(sql, runId), opts);
    await endRun(sql, runId, 'succeeded');
    return { runId, state: 'succeeded' as const, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await endRun(sql, runId, 'failed', message);
    return { runId, state: 'failed' as const, error: message };
  }
}

/** Every gold table's rows, minus the run stamp, for "nothing changed" comparisons. */
export async function goldState(sql: SqlClient): Promise<Record<string, unknown[]>> {
  const tables = await sql.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'gold' ORDER BY t`);
  const out: Record<string, unknown[]> = {};
  for (const { t } of tables) out[t] = await sql.query(`SELECT COLUMNS(c -> c <> 'run_id') FROM gold."${t}" ORDER BY ALL`);
  return out;
}
