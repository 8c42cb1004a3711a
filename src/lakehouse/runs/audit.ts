// The audit log (meta.audit_log, migration 0005): one row per change a person makes. Callers add
// one line after the change succeeded; a failed audit write never undoes or fails that change.
import type { SqlClient } from '../engine/sql-client';

export type AuditAction =
  | 'ingest' | 'rescan' | 'demo-load' | 'import-history' | 'rebuild' | 'remove-demo' | 'rating'
  | 'rule-edit' | 'rule-delete' | 'snapshot-restore' | 'setting' | 'delete-tracks' | 'restore-tracks' | 'export-backup' | 'restore-backup' | 'storage'
  | 'query-save' | 'query-delete' | 'playlist-save' | 'playlist-delete' | 'correct-tags' | 'player-event';

/** Adds one line inside the caller's transaction (a command's: the line commits with the change, or neither does). */
export async function appendAudit(sql: SqlClient, action: AuditAction, details: string): Promise<void> {
  await sql.query(
    `INSERT INTO meta.audit_log (audit_id, "at", action, details, actor)
     SELECT coalesce(max(audit_id), 0) + 1, now()::TIMESTAMP, ?, ?, 'you' FROM meta.audit_log`,
    [action, details.replace(/\s+/g, ' ').slice(0, 2000)],
  );
}

export type AuditEntry = {
  audit_id: number;
  at_ms: number;
  action: string;
  details: string;
  actor: string;
};

/**
 * Records one change and makes it durable. Resolves to false (and logs) instead of throwing: the
 * change itself stands. Its own transaction, so a line written while a run's transaction is open
 * waits for it instead of joining it (and being rolled back with it). Never call it inside a
 * transaction of your own: its CHECKPOINT fails there, and DuckDB then drops the whole transaction.
 */
export async function recordAudit(sql: SqlClient, action: AuditAction, details: string): Promise<boolean> {
  try {
    await sql.transaction(() => appendAudit(sql, action, details));
  } catch (error) {
    console.warn('Wolfie: the audit log could not record', action, error);
    return false;
  }
  // DuckDB-WASM loses an un-checkpointed WAL when the tab closes or reloads: without this, a
  // rating or rule edit and its audit line could vanish with a reload right after the click.
  // Best effort: another connection's open transaction can make DuckDB refuse, and then the
  // next checkpoint (each run's batches, or pagehide) carries the change.
  await sql.exec('CHECKPOINT').catch(() => undefined);
  return true;
}

/** Newest first, for /settings. */
export function listAudit(sql: SqlClient, limit = 200): Promise<AuditEntry[]> {
  return sql.query<AuditEntry>(
    `SELECT audit_id, epoch_ms("at") AS at_ms, action, details, actor FROM meta.audit_log ORDER BY "at" DESC, audit_id DESC LIMIT ?`,
    [limit],
  );
}
