// Run history: meta.runs, meta.run_steps and meta.logs. Every write here is its own small
// statement so a crash mid-run still leaves a truthful record of what got done.
import type { SqlClient } from '../engine/sql-client';

export type RunKind = 'ingest' | 'rescan' | 'rebuild' | 'import' | 'demo' | 'remove' | 'correct';
export type RunState = 'running' | 'succeeded' | 'failed' | 'cancelled';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const INTERRUPTED = 'Interrupted: the tab was closed or reloaded during the run';

/**
 * A run left 'running' when the database opens (or the next run starts) is over: the tab was
 * closed, or the failure could not be written (a full disk). Marks it and its running step failed,
 * with the reason noted outside the database when there is one (run id as text -> error).
 * Returns the run ids it ended.
 */
export async function failInterruptedRuns(sql: SqlClient, reasons: Record<string, string> = {}): Promise<number[]> {
  const left = await sql.query<{ run_id: number }>(`SELECT run_id FROM meta.runs WHERE state = 'running' ORDER BY run_id`);
  for (const { run_id } of left) {
    const error = reasons[String(run_id)] ?? INTERRUPTED;
    await sql.query(`UPDATE meta.runs SET state = 'failed', ended_at = coalesce(ended_at, now()), error = ? WHERE run_id = ?`, [error, run_id]);
    await sql.query(`UPDATE meta.run_steps SET state = 'failed', ended_at = coalesce(ended_at, now()), error = coalesce(error, ?) WHERE run_id = ? AND state = 'running'`, [error, run_id]);
  }
  return left.map((r) => Number(r.run_id));
}

export async function startRun(sql: SqlClient, kind: RunKind, sourceName: string | null): Promise<number> {
  await failInterruptedRuns(sql);
  const [row] = await sql.query<{ id: number }>('SELECT coalesce(max(run_id), 0) + 1 AS id FROM meta.runs');
  const runId = row!.id;
  await sql.query(`INSERT INTO meta.runs (run_id, kind, source_name, state, started_at) VALUES (?, ?, ?, 'running', now())`, [runId, kind, sourceName]);
  return runId;
}

export interface RunCounts {
  files_seen?: number;
  files_new?: number;
  files_changed?: number;
  files_deleted?: number;
  files_skipped?: number;
  files_failed?: number;
}

const COUNT_COLUMNS = ['files_seen', 'files_new', 'files_changed', 'files_deleted', 'files_skipped', 'files_failed'] as const;

export async function updateRunCounts(sql: SqlClient, runId: number, counts: RunCounts): Promise<void> {
  const entries = COUNT_COLUMNS.filter((c) => counts[c] !== undefined);
  if (!entries.length) return;
  await sql.query(`UPDATE meta.runs SET ${entries.map((c) => `${c} = ?`).join(', ')} WHERE run_id = ?`, [...entries.map((c) => counts[c]), runId]);
}

export async function endRun(sql: SqlClient, runId: number, state: Exclude<RunState, 'running'>, error: string | null = null): Promise<void> {
  await sql.query('UPDATE meta.runs SET state = ?, ended_at = now(), error = ? WHERE run_id = ?', [state, error, runId]);
}

export async function startStep(sql: SqlClient, runId: number, step: string, ordinal: number): Promise<void> {
  await sql.query(
    `INSERT INTO meta.run_steps (run_id, step, ordinal, state, started_at) VALUES (?, ?, ?, 'running', now())
     ON CONFLICT (run_id, step) DO UPDATE SET state = 'running', started_at = now(), ended_at = NULL, error = NULL`,
    [runId, step, ordinal],
  );
}

export async function endStep(
  sql: SqlClient,
  runId: number,
  step: string,
  state: 'succeeded' | 'failed' | 'skipped',
  rows: { in?: number; out?: number } = {},
  error: string | null = null,
): Promise<void> {
  await sql.query('UPDATE meta.run_steps SET state = ?, ended_at = now(), rows_in = ?, rows_out = ?, error = ? WHERE run_id = ? AND step = ?', [
    state, rows.in ?? null, rows.out ?? null, error, runId, step,
  ]);
}

export async function log(sql: SqlClient, level: LogLevel, runId: number | null, step: string | null, message: string): Promise<void> {
  await sql.query('INSERT INTO meta.logs (level, run_id, step, message) VALUES (?, ?, ?, ?)', [level, runId, step, message]);
}
