// A migrated in-memory lakehouse holding some library tracks, and an import over the real history
// parser (run in-process), for the listening-history integration tests.
import type { TagRecord } from '../../workers/ingest/api';
import { historyLoad } from '../../workers/history-load/history-load';
import { loadTagBatch, type LoadedTagRecord } from '../../src/lakehouse/runs/inventory';
import { startRun } from '../../src/lakehouse/runs/runs';
import { runImport } from '../../src/pipeline/import-run';
import { migratedClient } from './node-db';

export type Track = { path: string; artist: string; title: string; album?: string; duration_s?: number; rating_tag?: number; play_count_tag?: number };

export function tagRecord(t: Track): LoadedTagRecord {
  const nulls = Object.fromEntries(
    ['fingerprint', 'container', 'codec', 'lossless', 'sample_rate_hz', 'bitrate_kbps', 'channels', 'bits_per_sample', 'artists', 'album_artist',
      'genre', 'label', 'year', 'date_text', 'track_no', 'disc_no', 'bpm_tag', 'key_tag', 'comment', 'common_json', 'native_json', 'warnings', 'error'].map((k) => [k, null]),
  ) as unknown as TagRecord;
  return {
    ...nulls, path: t.path, reader: 'test', artist: t.artist, title: t.title, album: t.album ?? null, duration_s: t.duration_s ?? 200,
    rating_tag: t.rating_tag ?? null, play_count_tag: t.play_count_tag ?? null, size_bytes: 1, last_modified_ms: 1, is_demo: false,
  };
}

/** A migrated lakehouse holding `tracks`, and an import function over the real parser. */
export async function lakeWith(tracks: Track[]) {
  const sql = await migratedClient();
  const run = await startRun(sql, 'ingest', 'Music');
  await loadTagBatch(sql, run, tracks.map(tagRecord));
  const lake = { sql, checkpoint: async () => undefined };
  const importFiles = (files: Record<string, string>) =>
    runImport(lake, Object.entries(files).map(([name, text]) => new File([text], name)), { parse: historyLoad.parse });
  return { sql, importFiles };
}

