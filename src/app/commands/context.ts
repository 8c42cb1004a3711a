// What a command needs from the app: the open lakehouse, a writer session of its own, the one
// exclusivity guard that runs and commands share (lakehouse-store.tsx), the change feed, and a
// way to tell the person. Commands take it as a parameter, so they run the same in the store and
// in Node tests (tests/support/command-context.ts).
import type { Lakehouse } from '../../lakehouse/engine/db';
import type { SqlClient } from '../../lakehouse/engine/sql-client';
import type { TableName } from '../live/changes';

/** The writer as one flow sees it: its own session, and a checkpoint between transactions. */
export interface WriterLake {
  sql: SqlClient;
  checkpoint(): Promise<void>;
}

export interface CommandContext {
  /** The open lakehouse (its read connection); waits for the writer lock and migrations. */
  lakehouse(): Promise<Lakehouse>;
  /** A writer session for one flow: a run or a command (lakehouse/engine/writer.ts). */
  writer(): Promise<WriterLake>;
  /**
   * The exclusivity guard: while a run or another claiming command holds the lakehouse, says so
   * to the person and returns false; otherwise claims it (the status shows `phase`) and returns true.
   */
  claim(phase: string): boolean;
  /** Ends a claim: the status shows the outcome. */
  release(outcome: 'succeeded' | 'failed'): void;
  /** After a commit: every live read of these tables re-runs. */
  announce(tables: readonly TableName[]): void;
  toast(kind: 'info' | 'success' | 'error', text: string): void;
}
