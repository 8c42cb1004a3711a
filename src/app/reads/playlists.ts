// /playlists' reads: the generator's pool, saved and smart playlists (a smart playlist's tracks
// follow gold, so a rating or play shows in it at once), the recap, recommendations, "more like
// this" and the rating model with its predictions.
import type { PlaylistTrack } from '../../domain/playlist';
import type { SmartPlaylist } from '../../domain/playlist-rules';
import type { PoolRow } from '../../lakehouse/queries/playlists';
import { listPlaylists, listSmartPlaylists, playlistPool, playlistTracks, runSmartPlaylist, toPlaylistTrack } from '../../lakehouse/queries/playlists';
import { latestRatingModel, topPredictions } from '../../lakehouse/queries/predictions';
import { listeningYears as years, recap as recapOf } from '../../lakehouse/queries/recap';
import { recommendations as recommend, similarTracks } from '../../lakehouse/queries/recommend';
import { defineRead } from '../live/read';

/** Every track the generator may choose: its row (for the criteria) and, at the same index, its playlist form. */
export const pool = defineRead(['gold.track_facts'], async (sql): Promise<{ rows: PoolRow[]; tracks: PlaylistTrack[] }> => {
  const rows = await playlistPool(sql);
  return { rows, tracks: rows.map(toPlaylistTrack) };
});

export const savedPlaylists = defineRead(['raw.playlists', 'raw.playlist_tracks', 'gold.track_facts'], listPlaylists);
export const savedPlaylistTracks = defineRead(['raw.playlist_tracks', 'gold.track_facts'], (sql, id: number) => playlistTracks(sql, id));

export const smartPlaylists = defineRead(['raw.smart_playlists'], listSmartPlaylists);
/** A smart playlist's tracks now; rules that cannot run are a result with the reason. */
export const smartPlaylistTracks = defineRead(['gold.track_facts'], async (sql, p: SmartPlaylist): Promise<{ rows: PoolRow[]; error: string | null }> => {
  try {
    return { rows: await runSmartPlaylist(sql, p), error: null };
  } catch (e) {
    return { rows: [], error: e instanceof Error ? e.message : String(e) };
  }
});

/** Dates as YYYY-MM-DD; `to` is exclusive. */
export const recap = defineRead(['gold.daily_track_listens', 'gold.listened_tracks', 'gold.track_facts'], (sql, period: { from: string; to: string }) => recapOf(sql, period.from, period.to));
export const listeningYears = defineRead(['gold.daily_track_listens'], years);

export const recommendations = defineRead(['gold.track_facts', 'raw.analysis', 'silver.listens'], recommend);
export const moreLikeThis = defineRead(['gold.track_facts', 'raw.analysis'], (sql, trackId: string) => similarTracks(sql, trackId));

export const ratingModel = defineRead(['meta.rating_models'], latestRatingModel);
export const ratingPredictions = defineRead(['raw.rating_predictions', 'gold.track_facts'], (sql, limit: number) => topPredictions(sql, limit));
