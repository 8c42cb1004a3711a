// Tag corrections (issue 16): writes raw.tag_corrections (migration 0009), which bronze.tracks
// applies over the tags. Keyed by file path; the audio files are never written. Called inside
// the correction run's first step (pipeline/correction-run.ts), in its transaction.
import type { CheckedEdit } from '../../domain/tag-corrections';
import revertFieldSql from '../sql/corrections/revert_field.sql?raw';
import setFieldSql from '../sql/corrections/set_field.sql?raw';
import targetPathsSql from '../sql/corrections/target_paths.sql?raw';
import type { SqlClient } from '../engine/sql-client';
import { withStaged } from './staging';

/** What a correction applies to: tracks (every file of each) and/or files by path. */
export interface CorrectionTarget {
  trackIds?: readonly string[];
  paths?: readonly string[];
}

/**
 * Applies the checked edits to every present file of the target; call inside a transaction.
 * Returns how many files it corrected (0 when the target names nothing present).
 */
export async function writeTagCorrections(sql: SqlClient, runId: number, target: CorrectionTarget, edits: readonly CheckedEdit[]): Promise<number> {
  const rows = [
    ...(target.trackIds ?? []).map((track_id) => ({ track_id, path: null })),
    ...(target.paths ?? []).map((path) => ({ track_id: null, path })),
  ];
  if (!rows.length || !edits.length) return 0;
  return withStaged(sql, rows, { track_id: 'text', path: 'text' }, async (stage) => {
    // The staging table's name is ours (staging.ts), never the person's input.
    await sql.exec(`CREATE OR REPLACE TEMP TABLE correction_targets AS SELECT track_id, path FROM ${stage}`);
    await sql.exec(targetPathsSql);
    for (const edit of edits) {
      if ('revert' in edit) await sql.query(revertFieldSql, [edit.field]);
      else await sql.query(setFieldSql, [edit.field, edit.value, runId]);
    }
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM correction_paths', []);
    await sql.exec('DROP TABLE IF EXISTS correction_targets; DROP TABLE IF EXISTS correction_paths');
    return row?.n ?? 0;
  });
}

/** How many files carry at least one correction (the tests; a Settings line could show it). */
export async function correctedFileCount(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ n: number }>('SELECT count(DISTINCT path)::INTEGER AS n FROM raw.tag_corrections', []);
  return row?.n ?? 0;
}
