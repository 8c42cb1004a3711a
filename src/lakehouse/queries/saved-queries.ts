// Saved queries of the SQL explorer, kept in meta.settings under 'saved_query:<name>' (a table
// every library already has, so no migration is needed for a list of names and texts). The
// writes join the caller's transaction; src/app/commands/sql.ts adds the audit line beside them.
import type { SqlClient } from '../engine/sql-client';

const PREFIX = 'saved_query:';

export async function listSaved(sql: SqlClient): Promise<{ name: string; sql: string }[]> {
  const rows = await sql.query<{ key: string; value: string }>(`SELECT key, value FROM meta.settings WHERE starts_with(key, ?) ORDER BY key`, [PREFIX]);
  return rows.map((r) => ({ name: r.key.slice(PREFIX.length), sql: r.value }));
}

/** Saves by name: the same name replaces the earlier text. Says whether it replaced one. */
export async function saveQuery(sql: SqlClient, name: string, text: string): Promise<{ replaced: boolean }> {
  const [existing] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM meta.settings WHERE key = ?`, [PREFIX + name]);
  await sql.query(`INSERT OR REPLACE INTO meta.settings (key, value, description) VALUES (?, ?, 'A query saved in the SQL explorer')`, [PREFIX + name, text]);
  return { replaced: (existing?.n ?? 0) > 0 };
}

/** Whether a query of that name existed (a second click on a stale list deletes nothing). */
export async function deleteSaved(sql: SqlClient, name: string): Promise<boolean> {
  const gone = await sql.query(`DELETE FROM meta.settings WHERE key = ? RETURNING key`, [PREFIX + name]);
  return gone.length > 0;
}
