// What command tests read of meta.audit_log, and one real fault: the audit table renamed away, so
// a command's own audit write fails and its change must roll back with it (one transaction).
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';

/** Oldest first, as "action: details". */
export async function auditLines(sql: SqlClient): Promise<string[]> {
  const rows = await sql.query<{ action: string; details: string }>('SELECT action, details FROM meta.audit_log ORDER BY audit_id');
  return rows.map((r) => `${r.action}: ${r.details}`);
}

/** Runs `work` while meta.audit_log cannot be written. */
export async function withoutAuditLog<T>(sql: SqlClient, work: () => Promise<T>): Promise<T> {
  await sql.exec('ALTER TABLE meta.audit_log RENAME TO audit_log_away');
  try {
    return await work();
  } finally {
    await sql.exec('ALTER TABLE meta.audit_log_away RENAME TO audit_log');
  }
}
