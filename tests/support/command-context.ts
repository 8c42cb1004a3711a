// A CommandContext over a Node lakehouse, as the store builds it in the browser: one writer with
// a session per flow, and what the commands said, announced and released kept for assertions.
import type { CommandContext } from '../../src/app/commands/context';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { createWriter } from '../../src/lakehouse/engine/writer';

export const lakeOf = (sql: SqlClient): Lakehouse => ({ sql, read: sql, checkpoint: async () => undefined, storage: 'memory', close: async () => undefined });

export interface TestContext extends CommandContext {
  said: { kind: string; text: string }[];
  announced: string[][];
  released: string[];
  /** While true, claim() refuses as the store does while a run holds the lakehouse. */
  busy: boolean;
}

export function testCommandContext(sql: SqlClient): TestContext {
  const writer = createWriter(sql);
  const ctx: TestContext = {
    said: [],
    announced: [],
    released: [],
    busy: false,
    lakehouse: async () => lakeOf(sql),
    writer: async () => ({ sql: writer.session(), checkpoint: async () => undefined }),
    claim: () => {
      if (ctx.busy) ctx.said.push({ kind: 'info', text: 'A run is already in progress; wait for it or cancel it first.' });
      return !ctx.busy;
    },
    release: (outcome) => void ctx.released.push(outcome),
    announce: (tables) => void ctx.announced.push([...tables]),
    toast: (kind, text) => void ctx.said.push({ kind, text }),
  };
  return ctx;
}
