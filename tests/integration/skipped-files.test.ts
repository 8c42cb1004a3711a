// Issue 16, "every file accounted for": a run over a folder records every file it does not read,
// with its reason, in raw.skipped_files; a rescan replaces that folder's list and no other's.
// The listing comes from the real webkitdirectory code (listFileList), the run is the real one.
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import { skippedFiles, skippedSummary } from '../../src/lakehouse/runs/skipped-files';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { runIngest } from '../../src/pipeline/ingest-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import { listFileList } from '../../src/platform/folder-source';
import { AUDIO_EXTENSIONS } from '../../src/domain/formats';
import { summariseSkipped } from '../../src/domain/skipped';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';

const MP3 = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/library/formats/full.mp3')));

/** A File as <input webkitdirectory> hands it over: with its path below the chosen folder. */
function picked(path: string, bytes: Uint8Array<ArrayBuffer> | string): File {
  const file = new File([bytes], path.split('/').pop()!, { lastModified: 1_000 });
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}


async function run(sql: SqlClient, files: File[]) {
  const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
  try {
    return await runIngest(lakeOf(sql), listFileList(files), { kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined });
  } finally {
    pool.terminate();
  }
}

const rows = (sql: SqlClient) =>
  sql.query<{ path: string; reason_kind: string; reason: string; format_name: string | null; size_bytes: number | null }>(
    'SELECT path, reason_kind, reason, format_name, size_bytes FROM raw.skipped_files ORDER BY path',
  );

describe('skipped files', () => {
  it('records each file a run does not read with its reason, counted on the run', async () => {
    const sql = await migratedClient();
    const result = await run(sql, [
      picked('Music/full.mp3', MP3),
      picked('Music/Album/01.tta', 'TTA1 not really audio'),
      picked('Music/Album/02.tta', 'TTA1'),
      picked('Music/Album/03.tak', 'tBaK'),
      picked('Music/Chip/song.mod', 'M.K.'),
      picked('Music/notes.txt', 'hello'),
      picked('Music/.DS_Store', 'x'),
      picked('Music/no-extension-mp3', MP3),
      picked('Music/LICENSE', 'Permission is hereby granted'),
    ]);
    expect(result).toMatchObject({ state: 'succeeded', read: 2, skipped: 7 });
    expect(result.unsupported).toEqual([{ format: 'TrueAudio', files: 2 }, { format: 'TAK', files: 1 }, { format: 'tracker module', files: 1 }]);
    expect(await rows(sql)).toEqual([
      { path: 'Music/.DS_Store', reason_kind: 'hidden', reason: 'hidden file', format_name: null, size_bytes: 1 },
      { path: 'Music/Album/01.tta', reason_kind: 'unsupported-format', reason: 'format not supported: TrueAudio', format_name: 'TrueAudio', size_bytes: 21 },
      { path: 'Music/Album/02.tta', reason_kind: 'unsupported-format', reason: 'format not supported: TrueAudio', format_name: 'TrueAudio', size_bytes: 4 },
      { path: 'Music/Album/03.tak', reason_kind: 'unsupported-format', reason: 'format not supported: TAK', format_name: 'TAK', size_bytes: 4 },
      { path: 'Music/Chip/song.mod', reason_kind: 'unsupported-format', reason: 'format not supported: tracker module', format_name: 'tracker module', size_bytes: 4 },
      { path: 'Music/LICENSE', reason_kind: 'not-audio', reason: 'not audio (no extension)', format_name: null, size_bytes: 28 },
      { path: 'Music/notes.txt', reason_kind: 'not-audio', reason: 'not audio (.txt)', format_name: null, size_bytes: 5 },
    ]);
    const [counts] = await sql.query('SELECT files_seen, files_skipped FROM meta.runs WHERE run_id = ?', [result.runId]);
    expect(counts).toEqual({ files_seen: 2, files_skipped: 7 });
    // The extension-less MP3 was read as audio, not skipped (one track: the same audio twice).
    expect((await sql.query('SELECT path FROM raw.files ORDER BY path')).map((r) => r.path)).toEqual(['Music/full.mp3', 'Music/no-extension-mp3']);

    // What the library page reads: the summary line and the list, formats Wolfie cannot read first.
    expect(summariseSkipped(await skippedSummary(sql))).toEqual({
      unsupported: '4 files skipped: format not supported: TrueAudio (2), TAK (1), tracker module (1)',
      others: 'Also left out: 2 files that are not audio and 1 hidden file or folder.',
      total: 7,
    });
    expect((await skippedFiles(sql)).map((r) => r.path)).toEqual([
      'Music/Album/01.tta', 'Music/Album/02.tta', 'Music/Album/03.tak', 'Music/Chip/song.mod', 'Music/LICENSE', 'Music/notes.txt', 'Music/.DS_Store',
    ]);
    expect(await skippedFiles(sql, 2)).toHaveLength(2);
  });

  it("replaces the folder's list at each scan and leaves other folders' lists alone", async () => {
    const sql = await migratedClient();
    await run(sql, [picked('Other/a.mp3', MP3), picked('Other/b.shn', 'ajkg')]);
    await run(sql, [picked('Music/a.mp3', MP3), picked('Music/a.tta', 'TTA1'), picked('Music/b.tak', 'tBaK')]);
    const again = await run(sql, [picked('Music/a.mp3', MP3), picked('Music/b.tak', 'tBaK'), picked('Music/cover.jpg', 'jpeg')]);
    expect((await rows(sql)).map((r) => [r.path, r.reason])).toEqual([
      ['Music/b.tak', 'format not supported: TAK'],
      ['Music/cover.jpg', 'not audio (.jpg)'],
      ['Other/b.shn', 'format not supported: Shorten'],
    ]);
    expect(await sql.query('SELECT DISTINCT run_id FROM raw.skipped_files WHERE starts_with(path, ?)', ['Music/'])).toEqual([{ run_id: again.runId }]);
  });

  it('a hidden folder is one row, left out unread', async () => {
    const sql = await migratedClient();
    const listing = listFileList([picked('Music/a.mp3', MP3)]);
    listing.skipped.push({ path: 'Music/.git', file: null, kind: 'hidden', text: 'hidden folder (not read)', format: null });
    const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
    try {
      await runIngest(lakeOf(sql), listing, { kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined });
    } finally {
      pool.terminate();
    }
    expect(await rows(sql)).toEqual([{ path: 'Music/.git', reason_kind: 'hidden', reason: 'hidden folder (not read)', format_name: null, size_bytes: null }]);
  });

  it("silver's format rule allows exactly the formats the scan admits", async () => {
    const sql = await migratedClient();
    const [rule] = await sql.query<{ arg: string }>("SELECT arg FROM meta.dq_rules WHERE rule_id = 'silver_format_allowed'");
    expect(rule!.arg.split(',').sort()).toEqual([...AUDIO_EXTENSIONS].sort());
  });
});
