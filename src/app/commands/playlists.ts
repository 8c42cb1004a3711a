// Playlists on /playlists: save and delete a generated playlist, save (add or replace by name)
// and delete a smart playlist, each with its audit line in the same transaction; and "Retrain
// now" for the rating model, which trains in a worker and writes through a session of its own.
import { describePlaylist, validatePlaylist, type SmartPlaylist } from '../../domain/playlist-rules';
import { deletePlaylist as deletePlaylistRows, deleteSmartPlaylist as deleteSmartRow, savePlaylist as savePlaylistRows, saveSmartPlaylist as saveSmartRow } from '../../lakehouse/queries/playlists';
import type { RatingResult } from '../../../workers/ratings/api';
import { retrainRatings } from '../../pipeline/ratings-run';
import type { TableName } from '../live/changes';
import { defineCommand } from './command';
import type { CommandContext } from './context';

const SAVED = ['raw.playlists', 'raw.playlist_tracks'];
const SMART = ['raw.smart_playlists'];
/** What a training writes: the predictions, the model's row, and the live gold column. */
export const RATING_MODEL_CHANGES: readonly TableName[] = ['raw.rating_predictions', 'meta.rating_models', 'gold.track_facts'];

export type PlaylistEntry = { trackId: string; locked: boolean };

/** A generated playlist in its order, with its locks and the options that made it; resolves to its id. */
export const savePlaylist = defineCommand({
  action: 'playlist-save',
  changes: SAVED,
  guard: 'queue',
  failure: 'The playlist could not be saved',
  async check(_read, name: string, tracks: readonly PlaylistEntry[], _settings: unknown) {
    if (!name.trim()) throw new Error('Give the playlist a name first');
    if (!tracks.length) throw new Error('The playlist has no tracks');
  },
  async apply(sql, name: string, tracks: readonly PlaylistEntry[], settings: unknown) {
    const id = await savePlaylistRows(sql, name.trim(), [...tracks], settings);
    return { value: id, audit: `Saved playlist “${name.trim()}” (${tracks.length} tracks, id ${id})` };
  },
});

/** The tracks stay in the library; resolves to whether there was such a playlist. */
export const deletePlaylist = defineCommand({
  action: 'playlist-delete',
  changes: SAVED,
  guard: 'queue',
  failure: 'The playlist could not be deleted',
  async apply(sql, id: number) {
    const gone = await deletePlaylistRows(sql, id);
    return { value: gone !== null, audit: gone ? `Deleted playlist “${gone.name}” (${gone.tracks} tracks, id ${id})` : null };
  },
});

export const saveSmartPlaylist = defineCommand({
  action: 'playlist-save',
  changes: SMART,
  guard: 'queue',
  failure: 'The smart playlist could not be saved',
  async check(_read, p: SmartPlaylist) {
    const problems = validatePlaylist(p);
    if (problems.length) throw new Error(problems.join(' '));
  },
  async apply(sql, p: SmartPlaylist) {
    const { replaced } = await saveSmartRow(sql, p);
    return { value: undefined, audit: `${replaced ? 'Replaced' : 'Saved'} smart playlist “${p.name.trim()}”: ${describePlaylist(p)}` };
  },
});

/** Resolves to whether there was such a playlist; only then is there an audit line. */
export const deleteSmartPlaylist = defineCommand({
  action: 'playlist-delete',
  changes: SMART,
  guard: 'queue',
  failure: 'The smart playlist could not be deleted',
  async apply(sql, id: number) {
    const name = await deleteSmartRow(sql, id);
    return { value: name !== null, audit: name !== null ? `Deleted smart playlist “${name}”` : null };
  },
});

/**
 * "Retrain now": trains in the ratings worker (seconds at 100,000 tracks), then replaces the
 * predictions in one transaction of its own writer session, as after a run; null when training
 * failed (the earlier predictions stay). Not audited: it changes no choice of the person's.
 */
export async function retrainRatingModel(ctx: CommandContext): Promise<RatingResult | null> {
  const lake = await ctx.writer();
  const result = await retrainRatings(lake, () => ctx.announce(RATING_MODEL_CHANGES));
  if (result) await lake.checkpoint().catch(() => undefined); // best effort, as a command's
  return result;
}
