// What a person does in the app itself: plays and skips of the built-in player
// (raw.player_events) and star ratings (raw.user_ratings). Never written to the music files.
// Each write is its own transaction, so it queues behind a running import or ingest instead of
// joining (and possibly being rolled back with) the run's transaction.
import type { SqlClient } from '../engine/sql-client';
import { recordAudit } from '../runs/audit';

export const PLAYER_SOURCE = 'wolfie-player';

export async function recordPlayerEvent(sql: SqlClient, e: { trackId: string; event: 'play' | 'skip'; positionS: number; startedAtMs: number }): Promise<void> {
  await sql.transaction(() =>
    sql.query(`INSERT INTO raw.player_events (track_id, event, position_s, "at", source) VALUES (?, ?, ?, epoch_ms(CAST(? AS BIGINT)), ?)`, [
      e.trackId, e.event, Math.round(e.positionS * 10) / 10, Math.round(e.startedAtMs), PLAYER_SOURCE,
    ]),
  );
}

/** rating 0..5 (halves allowed), or null to clear it. */
export async function setUserRating(sql: SqlClient, trackId: string, rating: number | null, source: 'track-page' | 'library-table'): Promise<void> {
  if (rating !== null && !(rating >= 0 && rating <= 5)) throw new Error(`A rating is 0 to 5 stars, got ${rating}`);
  // The moment of the click, in microseconds: several quick changes (arrow keys) must keep their order,
  // which the database's now() (the transaction's start, at the clock's coarse resolution) does not promise.
  const atUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
  await sql.transaction(() =>
    sql.query('INSERT INTO raw.user_ratings (track_id, rating, rated_at, source) VALUES (?, ?, make_timestamp(CAST(? AS BIGINT)), ?)', [trackId, rating, atUs, source]),
  );
  await recordAudit(sql, 'rating', `${rating === null ? 'Cleared the rating of' : `Rated ${rating} stars:`} track ${trackId} (${source})`);
}

export interface TrackInteractions {
  userRating: number | null;
  plays: number;
  skips: number;
}

/** What the person did in Wolfie to this track, straight from raw (gold catches up at the next run). */
export async function trackInteractions(sql: SqlClient, trackId: string): Promise<TrackInteractions> {
  const [row] = await sql.query<{ rating: number | null; plays: number; skips: number }>(
    `SELECT (SELECT arg_max(rating, rated_at) FROM raw.user_ratings WHERE track_id = ?) AS rating,
            (SELECT count(*) FROM raw.player_events WHERE track_id = ? AND event = 'play') AS plays,
            (SELECT count(*) FROM raw.player_events WHERE track_id = ? AND event = 'skip') AS skips`,
    [trackId, trackId, trackId],
  );
  return { userRating: row?.rating ?? null, plays: row?.plays ?? 0, skips: row?.skips ?? 0 };
}
