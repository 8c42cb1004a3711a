// Running a step of a run: records its state, times, rows in/out and error in meta.run_steps.
// A failing step throws StepFailed, which stops the steps after it.
import { endRun, endStep, log, startStep } from '../lakehouse/runs';
import type { SqlClient } from '../lakehouse/sql-client';
import { storageAdvice } from './storage-errors';

export class StepFailed extends Error {
  constructor(readonly step: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // A full disk or failed write must say what to do, not only what the engine said.
    const advice = storageAdvice(message);
    super(`Step "${step}" failed: ${advice ? `${message.replace(/[.\s]+$/, '')}. ${advice}` : message}`, { cause });
  }
}

export interface StepOutcome<T> {
  value: T;
  in?: number;
  out?: number;
}

export interface RunContext {
  sql: SqlClient;
  runId: number;
  /** Runs one named step of this run. */
  step<T>(name: string, work: () => Promise<StepOutcome<T>>): Promise<T>;
}

export function createRunContext(sql: SqlClient, runId: number): RunContext {
  let ordinal = 0;
  return {
    sql,
    runId,
    async step<T>(name: string, work: () => Promise<StepOutcome<T>>): Promise<T> {
      await startStep(sql, runId, name, ordinal++);
      try {
        const { value, ...rows } = await work();
        await endStep(sql, runId, name, 'succeeded', rows);
        return value;
      } catch (error) {
        const failure = error instanceof StepFailed ? error : new StepFailed(name, error);
        await endStep(sql, runId, name, 'failed', {}, failure.message).catch(() => undefined);
        throw failure;
      }
    },
  };
}

/**
 * Ends a run that threw: marks it failed with the reason, logs it against the failing step, and
 * checkpoints what was committed before. Never throws (the storage may be what failed); returns
 * the message the person is shown.
 */
export async function failRun(lake: { sql: SqlClient; checkpoint(): Promise<void> }, runId: number, error: unknown): Promise<string> {
  const message = error instanceof Error ? error.message : String(error);
  await endRun(lake.sql, runId, 'failed', message).catch(() => undefined);
  await log(lake.sql, 'error', runId, error instanceof StepFailed ? error.step : null, message).catch(() => undefined);
  await lake.checkpoint().catch(() => undefined);
  return message;
}
