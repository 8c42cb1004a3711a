// Key from the track's pitch-class profile with essentia's Key algorithm (template correlation
// with polyphonic key profiles). One call per track, so its cost does not grow with length.
import type { Essentia } from '../essentia/loader';

/**
 * Profile chosen on the development corpus: edma, krumhansl, shaath and noland scored 0.785
 * (MIREX), bgate 0.72, temperley 0.76. A bass-line check between relative keys was tried and
 * fixed as many songs as it broke, so it is not used.
 */
export const KEY_PROFILE = 'edma';

export interface KeyEstimate {
  tonic: string;
  mode: 'major' | 'minor';
  strength: number;
}

export function estimateKey(essentia: Essentia, pcpAbased: Float32Array, profile = KEY_PROFILE): KeyEstimate | null {
  const v = essentia.arrayToVector(pcpAbased);
  try {
    const k = essentia.Key(v, 4, 12, profile, 0.6, false, true, true);
    if (!k.key || (k.scale !== 'major' && k.scale !== 'minor')) return null;
    return { tonic: k.key, mode: k.scale, strength: Math.max(0, Math.min(1, k.strength)) };
  } catch {
    // essentia throws C++ exceptions as bare numbers (a pointer), useless to a person: report no key.
    return null;
  } finally {
    v.delete();
  }
}
