// The files a scan left out (raw.skipped_files, migration 0008): written by the ingest run's scan
// step, replacing what the folder's previous scan left out; read by the library page.
import type { SkipKind } from '../../domain/formats';
import type { SkippedGroup } from '../../domain/skipped';
import skippedFilesSql from '../sql/queries/skipped_files.sql?raw';
import skippedSummarySql from '../sql/queries/skipped_summary.sql?raw';
import { withStaged } from './staging';
import type { ColumnKind, Row, SqlClient } from '../engine/sql-client';

export interface SkippedFileRow {
  path: string;
  reason_kind: SkipKind;
  reason: string;
  format_name: string | null;
  size_bytes: number | null;
}

const COLUMNS = { path: 'text', reason_kind: 'text', reason: 'text', format_name: 'text', size_bytes: 'int' } satisfies Record<keyof SkippedFileRow, ColumnKind>;

/** Replaces the skipped files under folder `root` with this scan's, all or nothing. */
export async function replaceSkippedFiles(sql: SqlClient, runId: number, root: string, rows: readonly SkippedFileRow[]): Promise<void> {
  await sql.transaction(async () => {
    await sql.query('DELETE FROM raw.skipped_files WHERE starts_with(path, ?)', [`${root}/`]);
    if (!rows.length) return;
    await withStaged(sql, rows, COLUMNS, (stage) =>
      // A listing never names a path twice, but a path is the key: the first one wins rather than the run failing.
      sql.query(
        `INSERT INTO raw.skipped_files (path, reason_kind, reason, format_name, size_bytes, run_id, seen_at)
         SELECT path, reason_kind, reason, format_name, size_bytes::BIGINT, ?, now() FROM ${stage} ON CONFLICT (path) DO NOTHING`,
        [runId],
      ),
    );
  });
}

/** How many files were skipped, by kind and (for unsupported formats) by format. */
export async function skippedSummary(sql: SqlClient): Promise<SkippedGroup[]> {
  const rows = await sql.query<{ kind: SkipKind; format: string | null; files: number }>(skippedSummarySql);
  return rows.map((r) => ({ kind: r.kind, format: r.format, files: Number(r.files) }));
}

export interface SkippedListItem extends Row {
  path: string;
  reason_kind: SkipKind;
  reason: string;
  size_bytes: number | null;
}

/** The skipped files themselves, unsupported formats first; at most `limit` of them. */
export async function skippedFiles(sql: SqlClient, limit = 1_000): Promise<SkippedListItem[]> {
  return sql.query<SkippedListItem>(skippedFilesSql, [limit]);
}
