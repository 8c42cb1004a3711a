// Reads for the workflow view on /pipeline: each step's offset from the run's start and its
// duration (the timeline), and the failed steps' errors.
import type { Row, SqlClient } from '../engine/sql-client';

export interface TimelineStep extends Row {
  step: string;
  state: string;
  offset_s: number;
  seconds: number;
  rows_in: number | null;
  rows_out: number | null;
  error: string | null;
}

export const stepTimeline = (sql: SqlClient, runId: number) =>
  sql.query<TimelineStep>(
    `SELECT s.step, s.state, round(epoch(s.started_at - r.started_at), 3) AS offset_s,
            round(epoch(coalesce(s.ended_at, now()::TIMESTAMP) - s.started_at), 3) AS seconds, s.rows_in, s.rows_out, s.error
     FROM meta.run_steps s JOIN meta.runs r USING (run_id) WHERE s.run_id = ? ORDER BY s.ordinal`,
    [runId],
  );
