// Reads of the listening history for the import summary. SQL lives in sql/queries/*.sql.
import listenedElsewhereSql from '../sql/queries/listened_elsewhere.sql?raw';
import type { SqlClient } from '../engine/sql-client';

export interface ElsewhereListen {
  artist: string | null;
  title: string | null;
  listens: number;
  last_played_at: unknown;
}

async function hasListens(sql: SqlClient): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'silver' AND table_name = 'listens'`,
  );
  return (row?.n ?? 0) > 0;
}

/** The most played listens that match no library track; empty before the first import. */
export async function listenedElsewhere(sql: SqlClient): Promise<ElsewhereListen[]> {
  return (await hasListens(sql)) ? sql.query<ElsewhereListen & Record<string, unknown>>(listenedElsewhereSql) : [];
}
