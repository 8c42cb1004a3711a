// Reads of what a person did in Wolfie to one track: their own rating, and the player's plays and skips.
import { trackInteractions } from '../../lakehouse/interactions/interactions';
import { defineRead } from '../live/read';

export const trackInteractionsRead = defineRead(['silver.ratings', 'silver.track_interactions'], (sql, trackId: string) => trackInteractions(sql, trackId));
