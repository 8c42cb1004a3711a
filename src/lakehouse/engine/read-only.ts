// The read-only access path used by the SQL explorer. The statement type is decided by DuckDB's
// own parser: the text is wrapped as a subquery, `SELECT * FROM (<text>)`, which the parser
// accepts only for queries (SELECT, WITH, FROM, VALUES, TABLE, SHOW, DESCRIBE, SUMMARIZE, simple
// PIVOT). INSERT, CREATE, COPY, ATTACH, SET, PRAGMA, transaction control and every other
// statement is a parser error there, so it never runs. (json_serialize_sql needs the JSON
// extension and `PREPARE x AS` rejects ATTACH/SET itself, so neither can classify offline.)
// Behind that: one prepared statement (several at once are refused by prepare) inside a READ
// ONLY transaction that is always rolled back.
import type { Row, SqlClient } from './sql-client';

export class ReadOnlyRefused extends Error {}

const WRITE_WORDS = /^\s*(insert|update|delete|create|drop|alter|copy|attach|detach|set|reset|pragma|call|install|load|begin|commit|rollback|checkpoint|vacuum|export|import|truncate|merge|use|prepare|execute)\b/i;

export async function runReadOnly(sql: SqlClient, text: string): Promise<Row[]> {
  // A trailing ';' (and any comment after it) would end the subquery early.
  const statement = stripComments(text).trim().replace(/;[;\s]*(--[^\n]*\s*)*$/, '');
  if (!statement) throw new ReadOnlyRefused('Type a query first, for example: SELECT * FROM gold.track_facts LIMIT 10');
  try {
    // The newline before ')' keeps a trailing comment of the user's from swallowing it.
    return await sql.transaction(() => sql.query(`SELECT * FROM (\n${statement}\n)`, []), 'read-only');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/^Parser Error/i.test(message)) {
      // The parser said "not a query": name the statement when it is a known change, else show DuckDB's reason.
      const verb = WRITE_WORDS.exec(statement)?.[1]?.toUpperCase();
      if (verb) throw new ReadOnlyRefused(`Refused: the SQL explorer only reads, and ${verb} is not a query. Changes to your library go through the app.`);
      throw new ReadOnlyRefused(`DuckDB did not accept this as a query (the explorer runs queries only): ${message.replace(/LINE (\d+)/g, (_m, n: string) => `LINE ${Number(n) - 1}`)}`);
    }
    if (/read-only|read only/i.test(message)) throw new ReadOnlyRefused(`Refused: the SQL explorer cannot change data (${message}).`);
    throw error;
  }
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ');
}
