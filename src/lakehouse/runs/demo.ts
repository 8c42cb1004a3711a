// The demo library's footprint in the lakehouse: counting it and removing it. Demo rows are
// ordinary rows marked raw.files.is_demo; removal tombstones them and a run rebuilds the layers.
import demoFilesSql from '../sql/demo/demo_files.sql?raw';
import tombstoneDemoSql from '../sql/demo/tombstone_demo.sql?raw';
import type { SqlClient } from '../engine/sql-client';

/** Live (not removed) demo files. */
export async function demoFileCount(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ files: number }>(demoFilesSql, []);
  return row?.files ?? 0;
}

/** Tombstones every live demo file as part of run `runId`; returns how many. */
export async function tombstoneDemoFiles(sql: SqlClient, runId: number): Promise<number> {
  const before = await demoFileCount(sql);
  await sql.query(tombstoneDemoSql, [runId]);
  return before;
}

/** Deletes the listening history imported from the demo's own export files (by their fingerprints). */
export async function deleteDemoHistory(sql: SqlClient, fingerprints: string[]): Promise<void> {
  for (const fingerprint of fingerprints) {
    await sql.query('DELETE FROM raw.listens WHERE import_fingerprint = ?', [fingerprint]);
    await sql.query('DELETE FROM raw.library_entries WHERE import_fingerprint = ?', [fingerprint]);
    await sql.query('DELETE FROM raw.history_imports WHERE fingerprint = ?', [fingerprint]);
  }
}
