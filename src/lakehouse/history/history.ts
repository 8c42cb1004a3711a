// Loading listening-history imports into raw.history_imports, raw.listens and raw.library_entries.
// Batches are staged as they arrive while the worker parses (main.hist_stage_* tables, outside raw);
// once a file's fingerprint is known, one transaction moves its batches into raw, or nothing at all.
import type { EncodedBatch, ImportSummary } from '../../../workers/history-load/api';
import type { SqlClient } from '../engine/sql-client';

const STAGE_PREFIX = 'hist_stage_';

// Column lists written out so a reordering of the table can never shift values into the wrong column.
const INSERT_LISTENS = `INSERT INTO raw.listens (import_id, import_fingerprint, source, source_row_id, played_at, ms_played, artist, title,
    album, skipped, reason_start, reason_end, shuffle, offline, timestamp_suspect, source_track_id, match_key)
  SELECT CAST(? AS INTEGER), CAST(? AS VARCHAR), source, sourceRowId, epoch_ms(CAST(playedAtMs AS BIGINT)), CAST(msPlayed AS BIGINT),
    artist, title, album, skipped, reasonStart, reasonEnd, shuffle, offline, coalesce(timestampSuspect, false), sourceTrackId, matchKey
  FROM `;

const ms = (c: string) => `epoch_ms(CAST(${c} AS BIGINT))`;
const INSERT_ENTRIES = `INSERT INTO raw.library_entries (import_id, import_fingerprint, source, source_row_id, artist, title, album,
    duration_s, location, play_count, skip_count, last_played_at, last_skipped_at, date_added, rating, loved, bpm, key_text, match_key)
  SELECT CAST(? AS INTEGER), CAST(? AS VARCHAR), source, sourceRowId, artist, title, album, durationS, location,
    CAST(playCount AS INTEGER), CAST(skipCount AS INTEGER), ${ms('lastPlayedAtMs')}, ${ms('lastSkippedAtMs')}, ${ms('dateAddedMs')},
    rating, loved, bpm, "key", matchKey
  FROM `;

interface StagedFile {
  listens: string[];
  entries: string[];
}

/** The batches of one parse call, per file name (a zip delivers several files' batches in turn). */
export class HistoryStage {
  private files = new Map<string, StagedFile>();
  private counter = 0;

  constructor(
    private readonly sql: SqlClient,
    private readonly runId: number,
  ) {}

  /**
   * Queues one batch for staging and resolves when the batch before it is staged: the parser
   * goes on reading the next batch while DuckDB loads this one, with at most two in flight.
   */
  add(batch: EncodedBatch): Promise<void> {
    const before = this.queue;
    this.queue = before.then(() => (this.failure === null ? this.stageBatch(batch) : undefined)).catch((e: unknown) => void (this.failure ??= e));
    return before;
  }

  /** Waits for every queued batch; throws the first staging error (the engine refused a batch). */
  async settle(): Promise<void> {
    await this.queue;
    if (this.failure !== null) throw this.failure;
  }

  private queue: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private async stageBatch(batch: EncodedBatch): Promise<void> {
    const file = this.files.get(batch.fileName) ?? { listens: [], entries: [] };
    this.files.set(batch.fileName, file);
    // Arrow IPC encoded in the worker (workers/history-load/encode.ts, columns named as the records' fields).
    const table = `main.${STAGE_PREFIX}${this.runId}_${this.counter++}`;
    await this.sql.insertArrowIpc(table, batch.ipc);
    file[batch.kind].push(table);
  }

  /**
   * Moves one parsed file into raw in a single transaction, unless a file with the same
   * fingerprint was imported before. The staged batches are dropped either way.
   */
  async commit(summary: ImportSummary): Promise<{ status: 'imported' | 'already imported'; importId: number | null }> {
    const staged = this.files.get(summary.fileName) ?? { listens: [], entries: [] };
    try {
      return await this.sql.transaction(async () => {
        const known = await this.sql.query<{ import_id: number }>('SELECT import_id FROM raw.history_imports WHERE fingerprint = ?', [summary.fingerprint]);
        if (known.length) return { status: 'already imported' as const, importId: known[0]!.import_id };
        const [row] = await this.sql.query<{ id: number }>('SELECT coalesce(max(import_id), 0) + 1 AS id FROM raw.history_imports');
        const importId = row!.id;
        const rejected = summary.rejected.map((r) => `${r.where}: ${r.reason}`).join('\n');
        await this.sql.query(
          `INSERT INTO raw.history_imports (import_id, fingerprint, file_name, format, run_id, imported_at, rows_read, rows_kept, rows_rejected, rejected_sample)
           VALUES (?, ?, ?, ?, ?, now(), ?, ?, ?, ?)`,
          [importId, summary.fingerprint, summary.fileName, summary.format, this.runId, summary.rowsRead, summary.rowsKept,
            summary.rowsRead - summary.rowsKept, rejected || null],
        );
        // Table names come from this class's own counter, never from input.
        for (const t of staged.listens) await this.sql.query(INSERT_LISTENS + t, [importId, summary.fingerprint]);
        for (const t of staged.entries) await this.sql.query(INSERT_ENTRIES + t, [importId, summary.fingerprint]);
        return { status: 'imported' as const, importId };
      });
    } finally {
      await this.discard(summary.fileName);
    }
  }

  /** Drops a file's staged batches (it failed to parse, or was loaded). */
  async discard(fileName: string): Promise<void> {
    const staged = this.files.get(fileName);
    this.files.delete(fileName);
    for (const t of [...(staged?.listens ?? []), ...(staged?.entries ?? [])]) await this.sql.exec(`DROP TABLE IF EXISTS ${t}`);
  }

  names(): string[] {
    return [...this.files.keys()];
  }

  async discardAll(): Promise<void> {
    for (const name of [...this.files.keys()]) await this.discard(name);
  }
}

/** A tab closed mid-import leaves staged batches behind: they were never imported, so drop them. */
export async function dropLeftoverStages(sql: SqlClient): Promise<void> {
  const rows = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND starts_with(table_name, ?)`,
    [STAGE_PREFIX],
  );
  for (const r of rows) if (/^hist_stage_\d+_\d+$/.test(r.name)) await sql.exec(`DROP TABLE IF EXISTS main.${r.name}`);
}
