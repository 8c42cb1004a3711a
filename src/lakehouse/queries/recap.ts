// The recap's one query: heard listens of a period with their library attributes (silver.listens
// joined to gold.track_facts); src/domain/playlist-recap.ts turns them into the recap.
import { buildRecap, type Recap, type RecapListen } from '../../domain/playlist-recap';
import recapSql from '../sql/intelligence/recap_listens.sql?raw';
import type { SqlClient } from '../engine/sql-client';

/** Dates as YYYY-MM-DD; `to` is exclusive. */
export async function recap(sql: SqlClient, from: string, to: string): Promise<Recap> {
  const rows = (await sql.query(recapSql, [from, to])) as unknown as RecapListen[]; // columns named as RecapListen by the query
  return buildRecap(rows, Date.parse(`${from}T00:00:00Z`));
}

/** The years that have listens, newest first, for the period chooser. */
export async function listeningYears(sql: SqlClient): Promise<number[]> {
  const rows = await sql.query<{ y: number }>(
    'SELECT DISTINCT year(played_at) AS y FROM silver.listens WHERE NOT timestamp_suspect AND played_at IS NOT NULL ORDER BY y DESC', [],
  );
  return rows.map((r) => r.y);
}
