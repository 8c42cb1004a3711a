// The audit log (meta.audit_log, migration 0005): one row per change a person makes. Callers add
// one line after the change succeeded; a failed audit write never undoes or fails that change.
import type { SqlClient } from './sql-client';

export type AuditAction =
  | 'ingest' | 'rescan' | 'demo-load' | 'import-history' | 'rebuild' | 'remove-demo' | 'rating'
  | 'rule-edit' | 'rule-delete' | 'snapshot-restore' | 'setting' | 'delete-tracks' | 'export-backup' | 'restore-backup' | 'storage';

export type AuditEntry = {
  audit_id: number;
  at_ms: number;
  action: string;
  details: string;
  actor: string;
};

/** Records one change. Resolves to false (and logs) instead of throwing: the change itself stands. */
export async function recordAudit(sql: SqlClient, action: AuditAction, details: string): Promise<boolean> {
  try {
    await sql.query(
      `INSERT INTO meta.audit_log (audit_id, "at", action, details, actor)
       SELECT coalesce(max(audit_id), 0) + 1, now()::TIMESTAMP, ?, ?, 'you' FROM meta.audit_log`,
      [action, details.replace(/\s+/g, ' ').slice(0, 2000)],
    );
    return true;
  } catch (error) {
    console.warn('Wolfie: the audit log could not record', action, error);
    return false;
  }
}

/** Newest first, for /settings. */
export function listAudit(sql: SqlClient, limit = 200): Promise<AuditEntry[]> {
  return sql.query<AuditEntry>(
    `SELECT audit_id, epoch_ms("at") AS at_ms, action, details, actor FROM meta.audit_log ORDER BY "at" DESC, audit_id DESC LIMIT ?`,
    [limit],
  );
}
