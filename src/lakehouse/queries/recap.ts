// The recap's one query: what was heard in a period, per track, from gold.daily_track_listens (the
// rows the dashboards add up) with the library's attributes from gold.track_facts;
// src/domain/playlist-recap.ts turns them into the recap.
import { buildRecap, type Recap, type RecapRow } from '../../domain/playlist-recap';
import recapSql from '../sql/intelligence/recap_listens.sql?raw';
import type { SqlClient } from '../engine/sql-client';

async function built(sql: SqlClient): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = 'daily_track_listens'`,
  );
  return (row?.n ?? 0) > 0; // a library last built before the table existed gets it at the next run
}

/** Dates as YYYY-MM-DD; `to` is exclusive. */
export async function recap(sql: SqlClient, from: string, to: string): Promise<Recap> {
  const rows = (await built(sql)) ? ((await sql.query(recapSql, [from, to])) as unknown as RecapRow[]) : []; // columns named as RecapRow by the query
  return buildRecap(rows, Date.parse(`${from}T00:00:00Z`));
}

/** The years that have listens, newest first, for the period chooser. */
export async function listeningYears(sql: SqlClient): Promise<number[]> {
  if (!(await built(sql))) return [];
  const rows = await sql.query<{ y: number }>('SELECT DISTINCT year(day) AS y FROM gold.daily_track_listens ORDER BY y DESC', []);
  return rows.map((r) => r.y);
}
