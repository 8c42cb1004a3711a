// Read queries the pages use. SQL lives in sql/queries/*.sql; values are bound, never spliced.
import exportSql from '../sql/queries/track_facts_export.sql?raw';
import lastRunSql from '../sql/queries/last_run.sql?raw';
import libraryTracksSql from '../sql/queries/library_tracks.sql?raw';
import type { Row, SqlClient } from '../engine/sql-client';

export interface LibraryTrack {
  track_id: string;
  artist: string | null;
  artist_sort: string | null;
  title: string | null;
  album: string | null;
  album_artist: string | null;
  genre: string | null;
  label: string | null;
  year: number | null;
  duration_s: number | null;
  format: string | null;
  codec: string | null;
  sample_rate_hz: number | null;
  bitrate_kbps: number | null;
  bpm: number | null;
  key: string | null;
  camelot: string | null;
  loudness_lufs: number | null;
  energy: number | null;
  danceability: number | null;
  rating: number | null;
  play_count: number | null;
  path: string;
  error: string | null;
  is_demo: boolean;
}

export async function goldExists(sql: SqlClient): Promise<boolean> {
  const rows = await sql.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = 'track_facts'`,
  );
  return (rows[0]?.n ?? 0) > 0;
}

export async function libraryTracks(sql: SqlClient): Promise<LibraryTrack[]> {
  return (await goldExists(sql)) ? sql.query<LibraryTrack & Row>(libraryTracksSql) : [];
}

export async function trackFactsForExport(sql: SqlClient): Promise<Row[]> {
  return (await goldExists(sql)) ? sql.query(exportSql) : [];
}

export async function lastRun(sql: SqlClient): Promise<{ run_id: number; kind: string; state: string; error: string | null } | null> {
  const rows = await sql.query<{ run_id: number; kind: string; state: string; error: string | null }>(lastRunSql);
  return rows[0] ?? null;
}

export async function trackById(sql: SqlClient, trackId: string): Promise<Row | null> {
  if (!(await goldExists(sql))) return null;
  const rows = await sql.query('SELECT * FROM gold.track_facts WHERE track_id = ?', [trackId]);
  return rows[0] ?? null;
}
