// The transaction protocol both SqlClients share: a transaction in which a statement failed is
// refused and rolled back, even when its work caught the failure (DuckDB would otherwise discard
// it silently at COMMIT and the caller would believe it kept).
import { describe, expect, it } from 'vitest';
import { createTransactions } from '../../src/lakehouse/engine/sql-client';

function engine() {
  const ran: string[] = [];
  const tx = createTransactions(async (s) => void ran.push(s));
  const statement = (s: string, fail = false) => tx.guard(async () => {
    ran.push(s);
    if (fail) throw new Error(`TransactionContext Error: ${s} refused\nsecond line`);
  });
  return { ran, tx, statement };
}

describe('createTransactions', () => {
  it('commits when every statement succeeded', async () => {
    const { ran, tx, statement } = engine();
    expect(await tx.transaction(async () => { await statement('INSERT 1'); return 7; })).toBe(7);
    expect(ran).toEqual(['BEGIN TRANSACTION', 'INSERT 1', 'COMMIT']);
  });

  it('refuses and rolls back a transaction whose failed statement the work caught', async () => {
    const { ran, tx, statement } = engine();
    const work = tx.transaction(async () => {
      await statement('INSERT 1');
      await statement('CHECKPOINT', true).catch(() => undefined);
    });
    await expect(work).rejects.toThrow('Nothing was kept: a statement of this transaction failed (TransactionContext Error: CHECKPOINT refused)');
    expect(ran).toEqual(['BEGIN TRANSACTION', 'INSERT 1', 'CHECKPOINT', 'ROLLBACK']);
    // The next transaction starts clean.
    await tx.transaction(() => statement('INSERT 2'));
    expect(ran.slice(-3)).toEqual(['BEGIN TRANSACTION', 'INSERT 2', 'COMMIT']);
  });

  it('serialises callers and runs a nested call inline; a failure outside a transaction dooms nothing', async () => {
    const { ran, tx, statement } = engine();
    await statement('SELECT bad', true).catch(() => undefined);
    await Promise.all([
      tx.transaction(async () => { await statement('A1'); await tx.transaction(() => statement('A2')); }),
      tx.transaction(() => statement('B1')),
    ]);
    expect(ran).toEqual(['SELECT bad', 'BEGIN TRANSACTION', 'A1', 'A2', 'COMMIT', 'BEGIN TRANSACTION', 'B1', 'COMMIT']);
  });
});
