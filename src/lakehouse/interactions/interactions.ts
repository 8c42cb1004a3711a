// What a person does in the app itself: star ratings (raw.user_ratings) and plays and skips of
// the built-in player (raw.player_events). Never written to the music files. The writes here run
// inside a command's transaction (src/app/commands/interactions.ts), which then re-derives the
// tracks' silver and gold rows with refresh.ts, so the action is in gold at once.
import type { SqlClient } from '../engine/sql-client';

export const PLAYER_SOURCE = 'wolfie-player';

export interface PlayerEvent {
  trackId: string;
  event: 'play' | 'skip';
  positionS: number;
  startedAtMs: number;
}

export async function insertPlayerEvent(sql: SqlClient, e: PlayerEvent): Promise<void> {
  await sql.query(`INSERT INTO raw.player_events (track_id, event, position_s, "at", source) VALUES (?, ?, ?, epoch_ms(CAST(? AS BIGINT)), ?)`, [
    e.trackId, e.event, Math.round(e.positionS * 10) / 10, Math.round(e.startedAtMs), PLAYER_SOURCE,
  ]);
}

export type RatingSource = 'track-page' | 'library-table';

/** rating 0..5 (halves allowed), or null to clear it. */
export function checkRating(rating: number | null): void {
  if (rating !== null && !(rating >= 0 && rating <= 5)) throw new Error(`A rating is 0 to 5 stars, got ${rating}`);
}

export async function insertUserRating(sql: SqlClient, trackId: string, rating: number | null, source: RatingSource): Promise<void> {
  checkRating(rating);
  // The moment of the click, in microseconds: several quick changes (arrow keys) must keep their order,
  // which the database's now() (the transaction's start, at the clock's coarse resolution) does not promise.
  const atUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
  await sql.query('INSERT INTO raw.user_ratings (track_id, rating, rated_at, source) VALUES (?, ?, make_timestamp(CAST(? AS BIGINT)), ?)', [trackId, rating, atUs, source]);
}

/** The tracks a person rated, played or skipped since `sinceMs`: a run that began before may have published gold without them. */
export async function tracksTouchedSince(sql: SqlClient, sinceMs: number): Promise<string[]> {
  const rows = await sql.query<{ track_id: string }>(
    `SELECT track_id FROM raw.user_ratings WHERE rated_at >= make_timestamp(CAST(? AS BIGINT) * 1000)
     UNION SELECT track_id FROM raw.player_events WHERE "at" >= epoch_ms(CAST(? AS BIGINT))`,
    [Math.floor(sinceMs), Math.floor(sinceMs)],
  );
  return rows.map((r) => r.track_id);
}

/** When the run that built the live gold started (0 when unknown): what it holds was done before. */
export async function goldBuiltAtMs(sql: SqlClient): Promise<number> {
  const [row] = await sql.query<{ at: number | null }>(
    `SELECT epoch_ms(started_at) AS at FROM meta.runs WHERE run_id = (SELECT max(run_id) FROM gold.track_facts)`,
  ).catch(() => [{ at: null }]);
  return row?.at ?? 0;
}

export interface TrackInteractions {
  userRating: number | null;
  plays: number;
  skips: number;
}

/** What the person did in Wolfie to this track: their own rating, and the plays and skips of Wolfie's player. */
export async function trackInteractions(sql: SqlClient, trackId: string): Promise<TrackInteractions> {
  const [row] = await sql.query<{ rating: number | null; plays: number; skips: number }>(
    `SELECT (SELECT rating FROM silver.ratings WHERE track_id = ? AND source = 'user') AS rating,
            coalesce((SELECT player_plays FROM silver.track_interactions WHERE track_id = ?), 0) AS plays,
            coalesce((SELECT player_skips FROM silver.track_interactions WHERE track_id = ?), 0) AS skips`,
    [trackId, trackId, trackId],
  );
  return { userRating: row?.rating ?? null, plays: row?.plays ?? 0, skips: row?.skips ?? 0 };
}
