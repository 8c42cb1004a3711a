import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, migrate, NewerDatabaseError } from '../../src/lakehouse/engine/migrate';
import { nodeClient } from '../support/node-db';

describe('migrations', () => {
  it('create every schema once and record themselves', async () => {
    const sql = await nodeClient();
    const first = await migrate(sql);
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate(sql)).applied).toEqual([]);
    const schemas = await sql.query<{ schema_name: string }>('SELECT schema_name FROM information_schema.schemata');
    for (const s of ['raw', 'bronze', 'silver', 'gold', 'meta']) expect(schemas.map((r) => r.schema_name)).toContain(s);
    const recorded = await sql.query<{ v: number }>('SELECT max(version) AS v FROM meta.schema_migrations');
    expect(recorded[0]?.v).toBe(SCHEMA_VERSION);
  });

  it('refuses a database written by a newer version and changes nothing', async () => {
    const sql = await nodeClient();
    await migrate(sql);
    await sql.query('INSERT INTO meta.schema_migrations (version, name) VALUES (?, ?)', [SCHEMA_VERSION + 1, 'future']);
    await expect(migrate(sql)).rejects.toBeInstanceOf(NewerDatabaseError);
  });
});
