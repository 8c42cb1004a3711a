// What a command needs from the app: the open lakehouse, the one exclusivity guard that runs
// and commands share (lakehouse-store.tsx), and a way to tell the person. Commands take it as a
// parameter, so they run the same in the store and in Node tests.
import type { Lakehouse } from '../../lakehouse/engine/db';

export interface CommandContext {
  /** The open lakehouse; waits for the writer lock and migrations. */
  lakehouse(): Promise<Lakehouse>;
  /**
   * The exclusivity guard: while a run or another command holds the lakehouse, says so to the
   * person and returns false; otherwise claims it (the status shows `phase` running) and returns true.
   */
  claim(phase: string): boolean;
  /** Ends a claim: the status shows the outcome and every page re-reads what changed. */
  release(outcome: 'succeeded' | 'failed'): void;
  toast(kind: 'info' | 'success' | 'error', text: string): void;
}
