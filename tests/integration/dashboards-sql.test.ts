// The SQL explorer's read-only path on the real engine: DuckDB's parser decides what is a query.
import { describe, expect, test } from 'vitest';
import { ReadOnlyRefused, runReadOnly } from '../../src/lakehouse/engine/read-only';
import { migratedClient } from '../support/node-db';

describe('read-only SQL explorer', async () => {
  const sql = await migratedClient();
  await sql.exec(`CREATE TABLE main.t AS SELECT range AS i FROM range(5)`);

  test('queries of every read form run, order kept, trailing comments and semicolons allowed', async () => {
    expect(await runReadOnly(sql, 'SELECT i FROM t ORDER BY i DESC LIMIT 2; -- newest first')).toEqual([{ i: 4 }, { i: 3 }]);
    expect(await runReadOnly(sql, 'FROM t WHERE i = 1')).toEqual([{ i: 1 }]);
    expect(await runReadOnly(sql, 'WITH x AS (SELECT 2 AS v) SELECT * FROM x')).toEqual([{ v: 2 }]);
    expect((await runReadOnly(sql, 'DESCRIBE t'))[0]).toMatchObject({ column_name: 'i' });
    expect((await runReadOnly(sql, 'SUMMARIZE t'))[0]).toMatchObject({ column_name: 'i' });
    expect(await runReadOnly(sql, 'VALUES (1)')).toHaveLength(1);
  });

  test.each([
    ['INSERT INTO t VALUES (9)', /INSERT is not a query/],
    ['CREATE TABLE u (a INTEGER)', /CREATE is not a query/],
    ["ATTACH 'x.db' AS x", /ATTACH is not a query/],
    ['SET threads = 1', /SET is not a query/],
    ['COMMIT', /COMMIT is not a query/],
    ["COPY t TO 'x.csv'", /COPY is not a query/],
  ])('refuses %s with a clear message', async (statement, message) => {
    await expect(runReadOnly(sql, statement)).rejects.toThrow(message);
    await expect(runReadOnly(sql, statement)).rejects.toBeInstanceOf(ReadOnlyRefused);
  });

  test('a query followed by a write is refused whole, and the table is unchanged', async () => {
    await expect(runReadOnly(sql, 'SELECT 1; DELETE FROM t')).rejects.toThrow();
    await expect(runReadOnly(sql, 'SELECT 1) UNION ALL (SELECT 2); DROP TABLE t; (SELECT 3')).rejects.toThrow();
    expect(await sql.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 5 }]);
  });

  test('a syntax error shows DuckDB\'s reason', async () => {
    await expect(runReadOnly(sql, 'SELEC 1')).rejects.toThrow(/did not accept this as a query.*syntax error/s);
  });
});
