// Musical key maths, pure: spelling, Camelot and Open Key notation, mixing compatibility and the
// MIREX key-accuracy score. Keys are { tonic, mode } with tonics spelt C C# D Eb E F F# G Ab A Bb B.

export type KeyMode = 'major' | 'minor';
export interface MusicalKey {
  tonic: string;
  mode: KeyMode;
}

export const TONICS = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

const LETTER: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

/** Pitch class 0..11 (C = 0) of a tonic such as 'C#', 'Db', 'db', 'E♭', 'B#', 'Cb'; null if unreadable. */
export function pitchClass(tonic: string): number | null {
  const m = /^\s*([A-Ga-g])\s*([#♯b♭]*)\s*$/.exec(tonic);
  if (!m) return null;
  let pc = LETTER[m[1]!.toUpperCase()]!;
  for (const ch of m[2]!) pc += ch === '#' || ch === '♯' ? 1 : -1;
  return ((pc % 12) + 12) % 12;
}

/**
 * Reads 'A minor', 'Am', 'a', 'F#m', 'Ebmaj', 'C major', 'Bb min', '8A', '1d' (Open Key); null when
 * the text is not a key. A bare lowercase letter means minor (the usual tag convention).
 */
export function parseKey(text: string): MusicalKey | null {
  const t = text.trim();
  const camelot = /^(\d{1,2})\s*([ABab])$/.exec(t);
  if (camelot) return fromWheel(Number(camelot[1]), camelot[2]!.toUpperCase() === 'A' ? 'minor' : 'major', CAMELOT_ONE);
  const open = /^(\d{1,2})\s*([mdMD])$/.exec(t);
  if (open) return fromWheel(Number(open[1]), open[2]!.toLowerCase() === 'm' ? 'minor' : 'major', OPEN_ONE);
  const m = /^([A-Ga-g]\s*[#♯b♭]?)\s*(major|maj|minor|min|m|M)?$/.exec(t);
  if (!m) return null;
  const pc = pitchClass(m[1]!);
  if (pc === null) return null;
  const suffix = m[2];
  const mode: KeyMode = suffix === undefined ? (m[1]![0] === m[1]![0]!.toLowerCase() ? 'minor' : 'major') : /^(minor|min|m)$/.test(suffix) ? 'minor' : 'major';
  return { tonic: TONICS[pc]!, mode };
}

/** The canonical spelling of a key, e.g. { tonic: 'Db', mode: 'major' } -> C# major. */
export function normaliseKey(tonic: string, mode: KeyMode): MusicalKey | null {
  const pc = pitchClass(tonic);
  return pc === null ? null : { tonic: TONICS[pc]!, mode };
}

export const keyName = (k: MusicalKey): string => `${k.tonic} ${k.mode}`;

// Position 1 on each wheel: Camelot 1A = Ab minor / 1B = B major; Open Key 1m = A minor / 1d = C major.
const CAMELOT_ONE = { minor: 8, major: 11 };
const OPEN_ONE = { minor: 9, major: 0 };

/** Wheel number 1..12 for a key: each step clockwise is a fifth up (7 semitones). */
function wheelNumber(k: MusicalKey, one: { minor: number; major: number }): number | null {
  const pc = pitchClass(k.tonic);
  if (pc === null) return null;
  // Steps of a fifth from position 1: 7 is its own inverse mod 12, so multiply by 7.
  const steps = (((pc - one[k.mode]) * 7) % 12 + 12) % 12;
  return steps + 1;
}

function fromWheel(n: number, mode: KeyMode, one: { minor: number; major: number }): MusicalKey | null {
  if (n < 1 || n > 12) return null;
  return { tonic: TONICS[(one[mode] + (n - 1) * 7) % 12]!, mode };
}

/** Camelot code, e.g. A minor -> '8A', C major -> '8B'. */
export function camelot(k: MusicalKey): string | null {
  const n = wheelNumber(k, CAMELOT_ONE);
  return n === null ? null : `${n}${k.mode === 'minor' ? 'A' : 'B'}`;
}

/** Open Key code, e.g. A minor -> '1m', C major -> '1d'. */
export function openKey(k: MusicalKey): string | null {
  const n = wheelNumber(k, OPEN_ONE);
  return n === null ? null : `${n}${k.mode === 'minor' ? 'm' : 'd'}`;
}

/** Harmonic-mixing compatibility: same code, one step either way on the wheel, or the relative key. */
export function camelotCompatible(a: MusicalKey, b: MusicalKey): boolean {
  const na = wheelNumber(a, CAMELOT_ONE), nb = wheelNumber(b, CAMELOT_ONE);
  if (na === null || nb === null) return false;
  if (a.mode !== b.mode) return na === nb; // relative major/minor share the number
  const d = Math.abs(na - nb);
  return d === 0 || d === 1 || d === 11;
}

/**
 * MIREX key score of an estimate against the truth: 1 same key, 0.5 perfect fifth (estimate a fifth
 * above or below the truth, same mode), 0.3 relative major/minor, 0.2 parallel, else 0.
 */
export function mirexScore(estimate: MusicalKey, truth: MusicalKey): number {
  const e = pitchClass(estimate.tonic), t = pitchClass(truth.tonic);
  if (e === null || t === null) return 0;
  const up = (e - t + 12) % 12;
  if (estimate.mode === truth.mode) {
    if (up === 0) return 1;
    if (up === 7 || up === 5) return 0.5;
    return 0;
  }
  // Relative: the minor tonic is 3 semitones below the major tonic.
  if (truth.mode === 'major' && up === 9) return 0.3;
  if (truth.mode === 'minor' && up === 3) return 0.3;
  if (up === 0) return 0.2;
  return 0;
}
