// Key from the track's pitch-class profile with essentia's Key algorithm (template correlation
// with polyphonic key profiles), then a check between a major key and its relative minor from
// which tonic triad the track dwells on. One call per track, so its cost does not grow with length.
import type { Essentia } from '../essentia/loader';
import { pitchClass, TONICS } from '../../../src/domain/key';
import type { TriadCounts } from './chroma';

/**
 * Profile chosen on the development corpus: edma, krumhansl, shaath and noland scored 0.785
 * (MIREX), bgate 0.72, temperley 0.76. A bass-line check between relative keys was tried and
 * fixed as many songs as it broke, so it is not used.
 */
export const KEY_PROFILE = 'edma';

/**
 * A major estimate becomes its relative minor when the minor tonic triad is the best match of at
 * least this many times as many segments as the major tonic triad ...
 */
export const RELATIVE_MINOR_RATIO = 1.5;
/** ... and of at least this share of all segments (so a few stray segments decide nothing). */
export const RELATIVE_MINOR_MIN_SHARE = 0.05;

export interface KeyEstimate {
  tonic: string;
  mode: 'major' | 'minor';
  strength: number;
}

export function estimateKey(essentia: Essentia, pcpAbased: Float32Array, triads?: TriadCounts, profile = KEY_PROFILE): KeyEstimate | null {
  const v = essentia.arrayToVector(pcpAbased);
  try {
    const k = essentia.Key(v, 4, 12, profile, 0.6, false, true, true);
    if (!k.key || (k.scale !== 'major' && k.scale !== 'minor')) return null;
    const estimate: KeyEstimate = { tonic: k.key, mode: k.scale, strength: Math.max(0, Math.min(1, k.strength)) };
    return triads ? relativeMinorCheck(estimate, triads) : estimate;
  } catch {
    // essentia throws C++ exceptions as bare numbers (a pointer), useless to a person: report no key.
    return null;
  } finally {
    v.delete();
  }
}

/**
 * Key profiles model minor with the harmonic minor's leading tone; modal pop in minor (i-VII-VI,
 * or vi-IV-I-V read from the vi) has none, shares every pitch with its relative major and was read
 * as that major on all 4 such corpus songs. What still tells them apart is the tonic chord the
 * music keeps returning to. Only major -> minor is checked: the opposite error did not occur, and
 * a monophonic line (no triads) must not flip a minor estimate on a couple of stray segments.
 */
export function relativeMinorCheck(k: KeyEstimate, triads: TriadCounts): KeyEstimate {
  if (k.mode !== 'major' || triads.segments === 0) return k;
  const major = pitchClass(k.tonic);
  if (major === null) return k;
  const minor = (major + 9) % 12;
  const majorCount = triads.counts[major]!, minorCount = triads.counts[12 + minor]!;
  if (minorCount >= RELATIVE_MINOR_RATIO * majorCount && minorCount >= RELATIVE_MINOR_MIN_SHARE * triads.segments) {
    return { tonic: TONICS[minor]!, mode: 'minor', strength: k.strength };
  }
  return k;
}
