// Shared set-up of the backup tests: a lakehouse holding every awkward type the app stores
// (BLOB waveforms, DOUBLE[] means, micro-second TIMESTAMPs) after a real pipeline run, and an
// order-independent fingerprint of every table to compare two lakehouses by.
import { BACKUP_SCHEMAS } from '../../src/lakehouse/backup/backup-format';
import { ident, type SqlClient } from '../../src/lakehouse/engine/sql-client';
import { migratedClient } from '../support/node-db';
import { ingestRun, record } from './pipeline-fixtures';

export async function populatedLake() {
  const sql = await migratedClient();
  await ingestRun(sql, 'Music', [record('Music/a.mp3'), record('Music/b.flac', { artist: 'Ünïcødé ♫', year: null }), record('Music/c.ogg', { bpm_tag: null })]);
  await sql.exec(`
    INSERT INTO raw.analysis (path, run_id, analysed_at, analyser, analyser_version, bpm, mfcc_mean, hpcp_mean, waveform)
    VALUES ('Music/a.mp3', 1, TIMESTAMP '2024-05-06 07:08:09.123456', 'test', '1', 0.1,
            [0.1, -0.0, 1e-300, 'nan'::DOUBLE, 'inf'::DOUBLE], [], '\\x00\\xFF\\x10WFM2'::BLOB),
           ('Music/b.flac', 1, TIMESTAMP '1999-12-31 23:59:59.999999', 'test', '1', NULL, NULL, [1.5, NULL], ''::BLOB);
    INSERT INTO raw.user_ratings VALUES ('t1', 4.5, TIMESTAMP '2024-01-02 03:04:05.000001', 'track-page'), ('t1', NULL, TIMESTAMP '2024-01-03 00:00:00', 'library-table');
    -- Types the app does not use yet, to prove the text fallback: DATE, DECIMAL, HUGEINT, a BIGINT past 2^53, a struct.
    CREATE TABLE meta.zz_types (d DATE, dec DECIMAL(18, 3), h HUGEINT, big BIGINT, s STRUCT(a INTEGER, b VARCHAR), ts TIMESTAMP);
    INSERT INTO meta.zz_types VALUES (DATE '1969-07-20', 12345.678, 170141183460469231731687303715884105727, 9007199254740993, {'a': 1, 'b': 'x'}, NULL),
                                     (NULL, NULL, NULL, -1, NULL, TIMESTAMP '1900-01-01 00:00:00.5');
    CREATE SEQUENCE meta.zz_ids START 5;`);
  await sql.query(`SELECT nextval('meta.zz_ids') AS id`); // 5 handed out: a restore must continue at 6
  return sql;
}

/** Per table: row count and an md5 over every row's text, sorted (independent of row order). */
export async function fingerprint(sql: SqlClient): Promise<Record<string, string>> {
  const tables = await sql.query<{ s: string; n: string }>(
    `SELECT schema_name AS s, table_name AS n FROM duckdb_tables() WHERE schema_name IN (${BACKUP_SCHEMAS.map((s) => `'${s}'`).join(', ')}) ORDER BY s, n`,
  );
  const out: Record<string, string> = {};
  for (const { s, n } of tables) {
    const [row] = await sql.query<{ n: number; h: string }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::VARCHAR, '\n' ORDER BY t::VARCHAR), '')) AS h FROM ${ident(`${s}.${n}`)} t`,
    );
    out[`${s}.${n}`] = `${row?.n} rows ${row?.h}`;
  }
  return out;
}
