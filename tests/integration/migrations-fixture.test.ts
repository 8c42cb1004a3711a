// Schema evolution against a committed database FILE written at schema version 2 (migrations
// 0001-0002 only, by tests/fixtures/db/make-schema-2.mjs): opening it migrates it forward with its
// data; a file from a newer version is refused with the clear message and nothing is changed.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, NewerDatabaseError, SCHEMA_VERSION } from '../../src/lakehouse/engine/migrate';
import { nodeClient } from '../support/node-db';

const FIXTURE = resolve(__dirname, '../fixtures/db/wolfie-schema-2.duckdb');
const FUTURE = resolve(__dirname, '../fixtures/db/wolfie-schema-future.duckdb');

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('schema evolution with a database file from an earlier version', () => {
  it('migrates the schema-2 file forward and keeps its data', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wolfie-db-')), 'old.duckdb');
    copyFileSync(FIXTURE, path);
    const sql = await nodeClient(path);
    const { applied } = await migrate(sql);
    expect(applied).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
    const [v] = await sql.query<{ v: number }>('SELECT max(version) AS v FROM meta.schema_migrations');
    expect(v?.v).toBe(SCHEMA_VERSION);
    expect(await sql.query('SELECT path, artist, title FROM raw.tag_reads ORDER BY path')).toEqual([
      { path: 'Music/a.mp3', artist: 'Ada', title: 'First' },
      { path: 'Music/b.flac', artist: 'Bo', title: 'Second' },
    ]);
    const [a] = await sql.query<{ us: number; w: Uint8Array; m: number[] }>(`SELECT epoch_us(analysed_at) AS us, waveform AS w, mfcc_mean AS m FROM raw.analysis`);
    expect([a?.us, Array.from(a!.w), a?.m]).toEqual([1740823205250001, [1, 2], [1, 2.5]]);
    // Tables of later migrations exist and are usable.
    await sql.query(`INSERT INTO meta.audit_log (audit_id, "at", action, details) VALUES (1, now()::TIMESTAMP, 'test', 'after migration')`);
    expect((await sql.query('SELECT count(*) AS n FROM meta.dq_rules'))[0]?.n).toBeGreaterThan(0);
    // Migrated once, nothing is left to apply. (duckdb-wasm's Node build does not write a file
    // back durably, so reopening is covered in the browser, where OPFS holds the file.)
    expect((await migrate(sql)).applied).toEqual([]);
  });

  it('refuses a file from a newer version with the clear message and changes nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wolfie-db-')), 'newer.duckdb');
    copyFileSync(FUTURE, path);
    const before = sha(path);
    const sql = await nodeClient(path);
    const refused = await migrate(sql).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NewerDatabaseError);
    expect((refused as NewerDatabaseError).found).toBe(999);
    expect((refused as Error).message).toMatch(/newer version of Wolfie \(schema 999, this app knows \d+\)\. Reload to get the latest version; nothing was changed/);
    expect(await sql.query('SELECT path FROM raw.files')).toEqual([{ path: 'Music/future.mp3' }]);
    expect(await sql.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'meta'`)).toEqual([{ table_name: 'schema_migrations' }]);
    expect(sha(path)).toBe(before);
  });
});
