// The one door every write goes through (Actual's loot-core handlers are the model): a command
// names what it changes, takes the guard, applies its change and its audit line in ONE
// transaction, checkpoints (DuckDB-WASM loses an un-checkpointed WAL at an unclean close), and
// announces the tables it changed so the live reads of them re-run. A failure changes nothing
// and tells the person why. Runs (ingest, import, rebuild...) are commands with their own steps:
// see `runAsCommand`.
import { appendAudit, type AuditAction } from '../../lakehouse/runs/audit';
import type { SqlClient } from '../../lakehouse/engine/sql-client';
import type { TableName } from '../live/changes';
import type { CommandContext } from './context';

export type Outcome<R> = { ok: true; value: R } | { ok: false; reason: 'busy' | 'failed'; error: string };

export interface CommandSpec<A extends unknown[], R> {
  /** The audit action of its line. */
  action: AuditAction;
  /** The tables it writes: their live reads re-run after it commits. */
  changes: readonly TableName[] | ((...args: A) => readonly TableName[]);
  /**
   * 'queue': waits in order behind a run's current statement or transaction, never joining it
   * (ratings, plays, small edits). `{ claim }`: refused while a run or another claiming command
   * holds the lakehouse, and holds it itself, the status showing `claim` (restores, removals).
   */
  guard: 'queue' | { claim: string };
  /** What the person is told when it fails, before the reason: "The rating could not be saved". */
  failure: string;
  /**
   * Checks before anything is claimed or written, on the read connection (committed data only):
   * throw to refuse, with a message the person reads. E.g. a new rule's trial run, read-only.
   */
  check?(read: SqlClient, ...args: A): Promise<void>;
  /** The change, inside the command's transaction; returns its value and its audit line (null: none). */
  apply(sql: SqlClient, ...args: A): Promise<{ value: R; audit: string | null }>;
}

export type Command<A extends unknown[], R> = ((ctx: CommandContext, ...args: A) => Promise<Outcome<R>>) & { spec: CommandSpec<A, R> };

const sentence = (text: string) => text.replace(/[.\s]+$/, '');
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function defineCommand<A extends unknown[], R>(spec: CommandSpec<A, R>): Command<A, R> {
  const run = async (ctx: CommandContext, ...args: A): Promise<Outcome<R>> => {
    if (spec.check) {
      try {
        await spec.check((await ctx.lakehouse()).read, ...args);
      } catch (error) {
        ctx.toast('error', `${spec.failure}: ${sentence(message(error))}.`);
        return { ok: false, reason: 'failed', error: message(error) };
      }
    }
    const started = performance.now();
    const claimed = spec.guard !== 'queue';
    if (claimed && !ctx.claim((spec.guard as { claim: string }).claim)) return { ok: false, reason: 'busy', error: 'A run is in progress' };
    let ok = false;
    try {
      const lake = await ctx.writer();
      const value = await lake.sql.transaction(async () => {
        const { value, audit } = await spec.apply(lake.sql, ...args);
        if (audit) await appendAudit(lake.sql, spec.action, audit);
        return value;
      });
      ok = true;
      // Call to commit, queueing included (User Timing, read by tests/bench/interactions.ts).
      performance.measure(`wolfie:command:${spec.action}`, { start: started });
      // Durable first, then the views re-read: their reads never overlap the checkpoint, and a WAL
      // left behind is lost at an unclean close.
      await lake.checkpoint().catch((e: unknown) => console.warn('Wolfie: checkpoint after', spec.action, 'failed:', message(e))); // the next checkpoint (a run's, pagehide) carries it
      ctx.announce([...new Set([...(typeof spec.changes === 'function' ? spec.changes(...args) : spec.changes), 'meta.audit_log'])]);
      return { ok: true, value };
    } catch (error) {
      ctx.toast('error', `${spec.failure}: ${sentence(message(error))}. Nothing was changed.`);
      return { ok: false, reason: 'failed', error: message(error) };
    } finally {
      if (claimed) ctx.release(ok ? 'succeeded' : 'failed');
    }
  };
  return Object.assign(run, { spec });
}
