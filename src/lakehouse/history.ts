// Loading listening-history imports into raw.history_imports, raw.listens and raw.library_entries.
// Records are staged batch by batch while the worker parses (main.hist_stage_* tables, outside raw);
// once a file's fingerprint is known, one transaction moves its batches into raw, or nothing at all.
import type { ImportSummary, LibraryEntryRecord, ListenRecord, RecordBatch } from '../../workers/history/api';
import { matchKey } from '../domain/match';
import type { ColumnKind, SqlClient } from './sql-client';
import { ipcFromRows } from './sql-client';

const STAGE_PREFIX = 'hist_stage_';

type Keyed<R> = R & { matchKey: string };

const LISTEN_COLUMNS = {
  source: 'text', sourceRowId: 'text', playedAtMs: 'float', msPlayed: 'int', artist: 'text', title: 'text', album: 'text',
  skipped: 'bool', reasonStart: 'text', reasonEnd: 'text', shuffle: 'bool', offline: 'bool', timestampSuspect: 'bool',
  sourceTrackId: 'text', matchKey: 'text',
} satisfies Record<keyof Keyed<ListenRecord>, ColumnKind>;

const ENTRY_COLUMNS = {
  source: 'text', sourceRowId: 'text', artist: 'text', title: 'text', album: 'text', durationS: 'float', location: 'text',
  playCount: 'int', skipCount: 'int', lastPlayedAtMs: 'float', lastSkippedAtMs: 'float', dateAddedMs: 'float', rating: 'float',
  loved: 'bool', bpm: 'float', key: 'text', matchKey: 'text',
} satisfies Record<keyof Keyed<LibraryEntryRecord>, ColumnKind>;

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
  private keys = new Map<string, string>();
  private counter = 0;

  constructor(
    private readonly sql: SqlClient,
    private readonly runId: number,
  ) {}

  /** Stages one batch; the match key is computed here so the same normaliser serves listens, entries and tracks. */
  async add(batch: RecordBatch): Promise<void> {
    const file = this.files.get(batch.fileName) ?? { listens: [], entries: [] };
    this.files.set(batch.fileName, file);
    if (batch.listens.length) file.listens.push(await this.stage(batch.listens, LISTEN_COLUMNS));
    if (batch.entries.length) file.entries.push(await this.stage(batch.entries, ENTRY_COLUMNS));
  }

  private async stage<R extends { artist: string | null; title: string | null }>(rows: R[], columns: Record<string, ColumnKind>): Promise<string> {
    for (const r of rows) (r as Keyed<R>).matchKey = this.key(r.artist, r.title);
    const table = `main.${STAGE_PREFIX}${this.runId}_${this.counter++}`;
    await this.sql.insertArrowIpc(table, ipcFromRows(rows, columns));
    return table;
  }

  /** Exports repeat the same few thousand artist/title pairs: normalise each pair once. */
  private key(artist: string | null, title: string | null): string {
    const k = `${artist ?? ''}\u0000${title ?? ''}`;
    let v = this.keys.get(k);
    if (v === undefined) {
      v = matchKey(artist, title);
      if (this.keys.size > 200_000) this.keys.clear(); // bound memory on pathological inputs
      this.keys.set(k, v);
    }
    return v;
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
