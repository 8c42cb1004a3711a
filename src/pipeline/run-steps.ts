// Running a step of a run: records its state, times, rows in/out and error in meta.run_steps.
// A failing step throws StepFailed, which stops the steps after it.
import { endRun, endStep, log, startStep } from '../lakehouse/runs/runs';
import type { SqlClient } from '../lakehouse/engine/sql-client';
import { forgetRunFailures, rememberRunFailure } from '../platform/storage';
import { explainEngineError, withStorageAdvice } from './storage-errors';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class StepFailed extends Error {
  /**
   * `said` is what the person reads about the cause (default: the engine's own message); a full
   * disk or failed write must also say what to do, not only what the engine said.
   */
  constructor(readonly step: string, cause: unknown, said = messageOf(cause)) {
    super(`Step "${step}" failed: ${withStorageAdvice(said)}`, { cause });
  }
}

/** A step's failure, with an engine crash explained (asks the browser whether storage is full). */
export async function stepFailure(step: string, error: unknown): Promise<StepFailed> {
  return error instanceof StepFailed ? error : new StepFailed(step, error, await explainEngineError(messageOf(error)));
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
      try {
        // Inside the try: the step's own first write can be the one the full storage refuses.
        await startStep(sql, runId, name, ordinal++);
        const { value, ...rows } = await work();
        await endStep(sql, runId, name, 'succeeded', rows);
        return value;
      } catch (error) {
        const failure = await stepFailure(name, error);
        await endStep(sql, runId, name, 'failed', {}, failure.message).catch(() => undefined);
        throw failure;
      }
    },
  };
}

/**
 * Ends a run that threw: marks it failed with the reason, logs it against the failing step, and
 * checkpoints what was committed before. Never throws (the storage may be what failed); returns
 * the message the person is shown. When the record may not have reached the file (the storage
 * or the engine is what failed), the reason waits in localStorage for the start-up sweep
 * (failInterruptedRuns) to record it.
 */
export async function failRun(lake: { sql: SqlClient; checkpoint(): Promise<void> }, runId: number, error: unknown): Promise<string> {
  const message = error instanceof StepFailed ? error.message : withStorageAdvice(await explainEngineError(messageOf(error)));
  rememberRunFailure(runId, message);
  let recorded = true;
  await endRun(lake.sql, runId, 'failed', message).catch(() => (recorded = false));
  // The engine's own words stay in the log when the person was told something plainer.
  const raw = error instanceof StepFailed ? messageOf(error.cause) : messageOf(error);
  const logged = message.includes(raw) ? message : `${message} (engine: ${raw})`;
  await log(lake.sql, 'error', runId, error instanceof StepFailed ? error.step : null, logged).catch(() => undefined);
  await lake.checkpoint().catch(() => (recorded = false));
  if (recorded) forgetRunFailures([runId]);
  return message;
}
