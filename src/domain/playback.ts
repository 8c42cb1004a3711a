// When a play in Wolfie's own player counts: at 30 s, or at half the track when it is shorter
// than a minute (the rule Last.fm scrobbles by). Stopping before that is a skip. Pure.

export const PLAY_AFTER_S = 30;

/** Seconds of playback after which this track's play counts. */
export function playThresholdS(durationS: number | null | undefined): number {
  return durationS != null && Number.isFinite(durationS) && durationS > 0 ? Math.min(PLAY_AFTER_S, durationS / 2) : PLAY_AFTER_S;
}

export function playOutcome(positionS: number, durationS: number | null | undefined): 'play' | 'skip' {
  return positionS >= playThresholdS(durationS) ? 'play' : 'skip';
}
