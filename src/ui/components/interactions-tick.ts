// Re-reads of the player's counts and the person's rating after they change. Deliberately not the
// store's global version: bumping that would re-query (and re-mount) the whole track page, which
// would stop the music the moment a play is counted.
import { createSignal } from 'solid-js';

const [tick, setTick] = createSignal(0);

export const interactionsTick = tick;
export const interactionsChanged = () => setTick((n) => n + 1);
