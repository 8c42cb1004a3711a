// The writer's sessions (lakehouse/engine/writer.ts): a second flow's statement never joins a
// first flow's open transaction; it waits for it, then runs on its own.
import { describe, expect, it } from 'vitest';
import { createWriter } from '../../src/lakehouse/engine/writer';
import { nodeClient } from '../support/node-db';

describe('writer sessions', () => {
  it('a statement of another session waits for an open transaction instead of joining it (and being rolled back with it)', async () => {
    const base = await nodeClient();
    await base.exec('CREATE TABLE t (who VARCHAR)');
    const writer = createWriter(base);
    const run = writer.session();
    const command = writer.session();
    let letRunFinish!: () => void;
    const gate = new Promise<void>((resolve) => (letRunFinish = resolve));
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    const runDone = run
      .transaction(async () => {
        await run.query("INSERT INTO t VALUES ('run')", []);
        inside();
        await gate;
        throw new Error('the run fails and rolls back');
      })
      .catch((e: Error) => e.message);
    await entered;
    const order: string[] = [];
    const commandDone = command.query("INSERT INTO t VALUES ('command')", []).then(() => order.push('command'));
    await new Promise((r) => setTimeout(r, 20));
    order.push('run released');
    letRunFinish();
    expect(await runDone).toBe('the run fails and rolls back');
    await commandDone;
    expect(order).toEqual(['run released', 'command']);
    expect(await base.query('SELECT who FROM t')).toEqual([{ who: 'command' }]);
    // Nested calls of one session inside its own transaction run inline (no deadlock).
    await run.transaction(async () => {
      await run.transaction(() => run.query("INSERT INTO t VALUES ('nested')", []));
    });
    expect(await base.query('SELECT count(*)::INT AS n FROM t')).toEqual([{ n: 2 }]);
    base.close();
  });
});
