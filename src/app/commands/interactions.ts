// Ratings, plays and skips as commands: each writes its raw row and re-derives the track's silver
// and gold rows in one transaction (lakehouse/interactions/refresh.ts), so every page and
// gold.track_facts show it as soon as it commits. They queue behind a run's current statement
// instead of being refused: a person may rate while a folder is read. A moment after the last
// one, the gold aggregates over them follow, and the rating model retrains after a rating.
import { goldBuiltAtMs, insertPlayerEvent, insertUserRating, tracksTouchedSince, type PlayerEvent, type RatingSource } from '../../lakehouse/interactions/interactions';
import { DERIVED_GOLD, refreshDerivedGold, refreshTrackInteractions, TRACK_INTERACTION_TABLES } from '../../lakehouse/interactions/refresh';
import { defineCommand } from './command';
import type { CommandContext } from './context';

const rateCommand = defineCommand({
  action: 'rating',
  changes: ['raw.user_ratings', ...TRACK_INTERACTION_TABLES],
  guard: 'queue',
  failure: 'The rating could not be saved',
  async apply(sql, trackId: string, rating: number | null, source: RatingSource, title: string) {
    await insertUserRating(sql, trackId, rating, source);
    await refreshTrackInteractions(sql, [trackId]);
    return { value: undefined, audit: `${rating === null ? 'Cleared the rating of' : `Rated ${rating} stars:`} "${title}" (track ${trackId}, ${source})` };
  },
});

const playerEventCommand = defineCommand({
  action: 'player-event',
  changes: ['raw.player_events', ...TRACK_INTERACTION_TABLES],
  guard: 'queue',
  failure: 'The play could not be counted',
  async apply(sql, e: PlayerEvent) {
    await insertPlayerEvent(sql, e);
    await refreshTrackInteractions(sql, [e.trackId]);
    return { value: undefined, audit: null }; // listening is history, not a change to the library
  },
});

const derivedGoldCommand = defineCommand({
  action: 'player-event',
  changes: DERIVED_GOLD,
  guard: 'queue',
  failure: 'The summaries could not be brought up to date (they will be at the next run)',
  apply: async (sql) => ({ value: await refreshDerivedGold(sql), audit: null }),
});

/** Re-derives the tracks a person rated or played since `sinceMs`: a run begun before may have published gold without them. */
export const catchUpInteractions = defineCommand({
  action: 'player-event',
  changes: [...TRACK_INTERACTION_TABLES, ...DERIVED_GOLD],
  guard: 'queue',
  failure: 'Your latest ratings and plays could not be brought into the library (they will be at the next run)',
  async apply(sql, sinceMs: number) {
    const tracks = await tracksTouchedSince(sql, sinceMs);
    if (tracks.length) {
      await refreshTrackInteractions(sql, tracks);
      await refreshDerivedGold(sql);
    }
    return { value: tracks.length, audit: null };
  },
});

/**
 * After a restore put older gold back: the ratings and plays made since the run that built it
 * are derived into it again (only those tracks: at 50,000 tracks a whole re-derivation would hold
 * the database for seconds after every restore).
 */
export const refreshAllInteractions = defineCommand({
  action: 'player-event',
  changes: [...TRACK_INTERACTION_TABLES, ...DERIVED_GOLD],
  guard: 'queue',
  failure: 'Your ratings and plays could not be re-applied to the restored library (they will be at the next run)',
  async apply(sql) {
    const tracks = await tracksTouchedSince(sql, await goldBuiltAtMs(sql));
    if (tracks.length) {
      await refreshTrackInteractions(sql, tracks);
      await refreshDerivedGold(sql);
    }
    return { value: tracks.length, audit: null };
  },
});

const FOLLOW_UP_MS = 1_500;
const followUps = new WeakMap<CommandContext, { timer: ReturnType<typeof setTimeout>; rated: boolean }>();

/** Aggregates once the person pauses (a burst of arrow-key ratings is one rebuild); the model retrains after ratings. */
function followUp(ctx: CommandContext, rated: boolean): void {
  const previous = followUps.get(ctx);
  if (previous) clearTimeout(previous.timer);
  const next = { rated: rated || !!previous?.rated, timer: setTimeout(() => {
    followUps.delete(ctx);
    void derivedGoldCommand(ctx).then(async (done) => {
      if (!done.ok || !next.rated) return;
      const { retrainRatings } = await import('../../pipeline/ratings-run');
      await retrainRatings(await ctx.writer(), () => ctx.announce(['raw.rating_predictions', 'meta.rating_models', 'gold.track_facts']));
    }).catch((error: unknown) => console.warn('Wolfie: the rating model could not retrain; earlier predictions kept.', error));
  }, FOLLOW_UP_MS) };
  followUps.set(ctx, next);
}

/** When this tab last rated, played or skipped (ms): a run that ended needs a catch-up only after one. */
let lastActionAt = 0;
export const interactedSince = (ms: number) => lastActionAt >= ms;

export async function rateTrack(ctx: CommandContext, trackId: string, rating: number | null, source: RatingSource, title: string) {
  lastActionAt = Date.now();
  const done = await rateCommand(ctx, trackId, rating, source, title);
  if (done.ok) followUp(ctx, true);
  return done;
}

export async function recordPlayerEvent(ctx: CommandContext, e: PlayerEvent) {
  lastActionAt = Date.now();
  const done = await playerEventCommand(ctx, e);
  if (done.ok) followUp(ctx, false);
  return done;
}
