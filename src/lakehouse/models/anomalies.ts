// Anomaly detection after a gold build: ingest-volume drops between runs, listening spikes and
// gaps (median/MAD over daily counts), BPM outliers against the genre's median. Rules live in
// sql/anomalies/*.sql; findings go to meta.anomalies with their evidence.
import bpmSql from '../sql/anomalies/bpm_outliers.sql?raw';
import dropSql from '../sql/anomalies/ingest_volume_drop.sql?raw';
import totalsSql from '../sql/anomalies/listening_daily_totals.sql?raw';
import gapsSql from '../sql/anomalies/listening_gaps.sql?raw';
import spikesSql from '../sql/anomalies/listening_spikes.sql?raw';
import type { Row, SqlClient } from '../engine/sql-client';

export interface AnomalyOutcome {
  found: number;
  skipped: string[];
}

async function exists(sql: SqlClient, schema: string, table: string): Promise<boolean> {
  const [r] = await sql.query<{ n: number }>('SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = ?', [schema, table]);
  return (r?.n ?? 0) > 0;
}

export async function detectAnomalies(sql: SqlClient, runId: number): Promise<AnomalyOutcome> {
  const [before] = await sql.query<{ n: number }>('SELECT count(*) AS n FROM meta.anomalies');
  const skipped: string[] = [];
  await sql.query(dropSql, [runId]);
  // The listening tables come from history imports; a library without them has nothing to check.
  if (await exists(sql, 'gold', 'listening_daily')) {
    await sql.exec(totalsSql);
    await sql.query(spikesSql, [runId]);
    await sql.query(gapsSql, [runId]);
    await sql.exec('DROP TABLE IF EXISTS anomaly_days');
  } else skipped.push('listening (no gold.listening_daily yet)');
  if (await exists(sql, 'gold', 'track_facts')) await sql.query(bpmSql, [runId]);
  const [after] = await sql.query<{ n: number }>('SELECT count(*) AS n FROM meta.anomalies');
  return { found: (after?.n ?? 0) - (before?.n ?? 0), skipped };
}

export const recentAnomalies = (sql: SqlClient) =>
  sql.query<Row>(
    `SELECT run_id, strftime(detected_at, '%Y-%m-%d %H:%M') AS detected, kind, severity, subject, message, evidence
     FROM meta.anomalies ORDER BY detected_at DESC, kind LIMIT 200`,
  );
