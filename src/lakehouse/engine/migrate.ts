// Forward-only schema migrations: plain .sql files named NNNN_name.sql, applied in order and
// recorded in meta.schema_migrations. A database newer than this build is refused, not touched.
import type { SqlClient } from './sql-client';

const files = import.meta.glob('../sql/migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const match = /\/(\d{4})_([\w-]+)\.sql$/.exec(path);
    if (!match) throw new Error(`Migration file name must be NNNN_name.sql: ${path}`);
    return { version: Number(match[1]), name: match[2]!, sql };
  })
  .sort((a, b) => a.version - b.version);

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(
      `This library was written by a newer version of Wolfie (schema ${found}, this app knows ${SCHEMA_VERSION}). ` +
        'Reload to get the latest version; nothing was changed.',
    );
  }
}

export async function migrate(sql: SqlClient): Promise<{ applied: number[] }> {
  await sql.exec(`CREATE SCHEMA IF NOT EXISTS meta;
    CREATE TABLE IF NOT EXISTS meta.schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT now());`);
  const rows = await sql.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM meta.schema_migrations');
  const current = rows[0]?.version ?? 0;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  const applied: number[] = [];
  for (const m of MIGRATIONS.filter((m) => m.version > current)) {
    await sql.transaction(async () => {
      await sql.exec(m.sql);
      await sql.query('INSERT INTO meta.schema_migrations (version, name) VALUES (?, ?)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return { applied };
}
