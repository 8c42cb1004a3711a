// Saved queries of the SQL explorer, kept in meta.settings under 'saved_query:<name>' (a table
// every library already has, so no migration is needed for a list of names and texts).
import type { SqlClient } from '../../../lakehouse/sql-client';

const PREFIX = 'saved_query:';

export async function listSaved(sql: SqlClient): Promise<{ name: string; sql: string }[]> {
  const rows = await sql.query<{ key: string; value: string }>(`SELECT key, value FROM meta.settings WHERE starts_with(key, ?) ORDER BY key`, [PREFIX]);
  return rows.map((r) => ({ name: r.key.slice(PREFIX.length), sql: r.value }));
}

export async function saveQuery(sql: SqlClient, name: string, text: string): Promise<void> {
  await sql.query(`INSERT OR REPLACE INTO meta.settings (key, value, description) VALUES (?, ?, 'A query saved in the SQL explorer')`, [PREFIX + name, text]);
}

export async function deleteSaved(sql: SqlClient, name: string): Promise<void> {
  await sql.query(`DELETE FROM meta.settings WHERE key = ?`, [PREFIX + name]);
}
