// Playlist transitions, pure: whether two consecutive tracks mix harmonically (Camelot wheel),
// whether their tempos are within 6 % (half and double time understood), and a 0..1 score that
// the generator maximises and the page shows beside each transition.
import { camelot, camelotCompatible, parseKey, type MusicalKey } from './key';

/** One library track as the playlist code sees it (a row of gold.track_facts, renamed). */
export interface PlaylistTrack {
  trackId: string;
  path: string;
  artist: string | null;
  title: string | null;
  durationS: number | null;
  bpm: number | null;
  key: string | null; // '<tonic> <major|minor>'
  energy: number | null; // 0..1 from the analyser
  playCount: number;
  rating: number | null; // 0..5
  lastPlayedAtMs: number | null;
}

export const BPM_TOLERANCE = 0.06;

export type KeyRelation = 'same' | 'adjacent' | 'relative' | 'clash' | 'unknown';

export interface Transition {
  key: KeyRelation;
  /** Relative tempo difference after the best of x1, x2, x1/2; null when a BPM is missing. */
  bpmDiff: number | null;
  bpmFactor: 1 | 2 | 0.5;
  energyDelta: number | null;
  /** Camelot-compatible and within the BPM tolerance. */
  ok: boolean;
  score: number; // 0..1
}

// 24 distinct keys in a library: parse each spelling once, the generator asks millions of times.
const parsed = new Map<string, MusicalKey | null>();
export function musicalKey(text: string | null): MusicalKey | null {
  if (!text) return null;
  let k = parsed.get(text);
  if (k === undefined) parsed.set(text, (k = parseKey(text)));
  return k;
}

export function keyRelation(a: string | null, b: string | null): KeyRelation {
  const ka = musicalKey(a), kb = musicalKey(b);
  if (!ka || !kb) return 'unknown';
  if (!camelotCompatible(ka, kb)) return 'clash';
  if (ka.mode === kb.mode && camelot(ka) === camelot(kb)) return 'same';
  return ka.mode === kb.mode ? 'adjacent' : 'relative';
}

/**
 * Tempo step from a to b. A DJ can mix 64 into 128 BPM (double time), so b is compared at x1,
 * x2 and x0.5 and the closest reading wins.
 */
export function bpmStep(a: number | null, b: number | null): { diff: number | null; factor: 1 | 2 | 0.5 } {
  if (!a || !b || a <= 0 || b <= 0) return { diff: null, factor: 1 };
  let best = { diff: Infinity, factor: 1 as 1 | 2 | 0.5 };
  for (const factor of [1, 2, 0.5] as const) {
    const diff = Math.abs(b * factor - a) / a;
    if (diff < best.diff - 1e-9) best = { diff, factor };
  }
  return best;
}

const KEY_SCORE: Record<KeyRelation, number> = { same: 1, adjacent: 0.9, relative: 0.85, unknown: 0.3, clash: 0 };

export function transition(a: PlaylistTrack, b: PlaylistTrack): Transition {
  const key = keyRelation(a.key, b.key);
  const { diff, factor } = bpmStep(a.bpm, b.bpm);
  const energyDelta = a.energy !== null && b.energy !== null ? b.energy - a.energy : null;
  const keyScore = KEY_SCORE[key];
  // Linear inside the tolerance, nothing beyond it: a 7 % step is as bad as a 20 % one to mix.
  const bpmScore = diff === null ? 0.3 : diff <= BPM_TOLERANCE ? 1 - (diff / BPM_TOLERANCE) * 0.5 : 0;
  const energyScore = energyDelta === null ? 0.5 : 1 - Math.min(1, Math.abs(energyDelta) * 2);
  const ok = (key === 'same' || key === 'adjacent' || key === 'relative') && diff !== null && diff <= BPM_TOLERANCE;
  return { key, bpmDiff: diff, bpmFactor: factor, energyDelta, ok, score: 0.45 * keyScore + 0.4 * bpmScore + 0.15 * energyScore };
}

export function describeTransition(t: Transition): string {
  const key = { same: 'same key', adjacent: '±1 on the wheel', relative: 'relative major/minor', clash: 'keys clash', unknown: 'key unknown' }[t.key];
  const bpm = t.bpmDiff === null ? 'BPM unknown' : `${(t.bpmDiff * 100).toFixed(1)} % BPM${t.bpmFactor === 1 ? '' : t.bpmFactor === 2 ? ' (double time)' : ' (half time)'}`;
  const energy = t.energyDelta === null ? 'energy unknown' : `energy ${t.energyDelta >= 0 ? '+' : ''}${t.energyDelta.toFixed(2)}`;
  return `${key}, ${bpm}, ${energy}`;
}

export type EnergyArc = 'warm-up-peak-cool-down' | 'rising' | 'steady';

/** Target energy percentile (0..1) at position i of n for an arc. */
export function arcTarget(arc: EnergyArc, i: number, n: number): number {
  const x = n <= 1 ? 0.5 : i / (n - 1);
  if (arc === 'steady') return 0.5;
  if (arc === 'rising') return 0.2 + 0.75 * x;
  // Warm up over the first 60 %, hold the peak to 80 %, then come down.
  if (x <= 0.6) return 0.25 + (0.7 * x) / 0.6;
  if (x <= 0.8) return 0.95;
  return 0.95 - ((x - 0.8) / 0.2) * 0.55;
}

/** Share of a sequence's transitions that are Camelot-compatible and within 6 % BPM. */
export function compatibleShare(tracks: readonly PlaylistTrack[]): { ok: number; total: number } {
  let ok = 0;
  for (let i = 1; i < tracks.length; i++) if (transition(tracks[i - 1]!, tracks[i]!).ok) ok++;
  return { ok, total: Math.max(0, tracks.length - 1) };
}
