// Tracks a person removes from the library (issue 8, "delete tracks"). Their files are tombstoned
// in raw.files, as if gone from disk, and listed in raw.removed_files so a rescan of the folder,
// where the files still are, leaves them out (inventory.ts). Nothing is deleted from disk.
import { withStaged } from './staging';
import type { SqlClient } from '../engine/sql-client';

/** Tombstones every present file of these tracks; call inside the run's transaction. Returns the file count. */
export async function removeTrackFiles(sql: SqlClient, runId: number, trackIds: readonly string[]): Promise<number> {
  if (!trackIds.length) return 0;
  return withStaged(sql, trackIds.map((track_id) => ({ track_id })), { track_id: 'text' }, async (stage) => {
    await sql.query(
      `INSERT INTO raw.removed_files (path, track_id, removed_at, run_id)
       SELECT path, track_id, now(), ? FROM silver.track_files WHERE track_id IN (SELECT track_id FROM ${stage})
       ON CONFLICT (path) DO UPDATE SET track_id = excluded.track_id, removed_at = excluded.removed_at, run_id = excluded.run_id`,
      [runId],
    );
    await sql.query('UPDATE raw.files SET deleted_at = now() WHERE deleted_at IS NULL AND path IN (SELECT path FROM raw.removed_files WHERE run_id = ?)', [runId]);
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw.removed_files WHERE run_id = ?', [runId]);
    return row?.n ?? 0;
  });
}

/** How many removed files wait to be brought back. */
export async function removedFileCount(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM raw.removed_files');
  return row?.n ?? 0;
}

/** Forgets every removal: the next rescan of their folders reads the files back in. Returns how many. */
export async function bringBackRemovedFiles(sql: SqlClient): Promise<number> {
  return sql.transaction(async () => {
    const n = await removedFileCount(sql);
    await sql.exec('DELETE FROM raw.removed_files');
    return n;
  });
}
