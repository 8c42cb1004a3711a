// The read-only access path used by the SQL explorer: one statement, prepared by DuckDB (which
// rejects several statements at once), run inside a READ ONLY transaction so the engine refuses
// any write, and always rolled back.
import type { Row, SqlClient } from './sql-client';

const READ_STATEMENTS = /^(select|with|from|values|show|describe|summarize|explain|table|pivot|unpivot)\b/i;

export class ReadOnlyRefused extends Error {}

export async function runReadOnly(sql: SqlClient, text: string): Promise<Row[]> {
  const statement = stripComments(text).trim().replace(/;+\s*$/, '');
  if (!statement) throw new ReadOnlyRefused('Type a query first, for example: SELECT * FROM gold.track_facts LIMIT 10');
  // Transaction control would end the read-only transaction early, so it is refused up front.
  if (!READ_STATEMENTS.test(statement)) {
    throw new ReadOnlyRefused('The SQL explorer only reads: start with SELECT, WITH, FROM, SHOW, DESCRIBE or SUMMARIZE. Changes go through the app.');
  }
  try {
    // A bound-parameter query goes through DuckDB's prepare, which refuses multiple statements.
    return await sql.transaction(() => sql.query(statement, []), 'read-only');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/read-only|read only/i.test(message)) throw new ReadOnlyRefused(`Refused: the SQL explorer cannot change data (${message}).`);
    throw error;
  }
}

function stripComments(text: string): string {
  return text.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}
