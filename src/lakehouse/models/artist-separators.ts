// The co-artist separators a person set (meta.settings 'artist_separators'), read for the models
// and changed from Settings. The models get them as one variable, because DuckDB compiles a
// pattern read from a table once per row (80x slower over 100,000 credits) but folds a variable.
import { artistSplitPattern, DEFAULT_ARTIST_SEPARATORS, parseSeparators } from '../../domain/artist-separators';
import type { SqlClient } from '../engine/sql-client';

export async function artistSeparators(sql: SqlClient): Promise<string[]> {
  const [row] = await sql.query<{ value: string }>(`SELECT value FROM meta.settings WHERE key = 'artist_separators'`);
  return row ? parseSeparators(row.value) : [...DEFAULT_ARTIST_SEPARATORS];
}

/** Sets wolfie_artist_split, the pattern silver.track_artists splits credits with. */
export async function setArtistSplitVariable(sql: SqlClient): Promise<void> {
  const pattern = artistSplitPattern(await artistSeparators(sql));
  await sql.exec(`SET VARIABLE wolfie_artist_split = '${pattern.replace(/'/g, "''")}'`);
}

/** Keeps new separators; the next build re-splits every credit (the bridge records the pattern it used). */
export async function saveArtistSeparators(sql: SqlClient, separators: readonly string[]): Promise<void> {
  await sql.query(`UPDATE meta.settings SET value = ? WHERE key = 'artist_separators'`, [parseSeparators(separators.join('\n')).join('\n')]);
}
