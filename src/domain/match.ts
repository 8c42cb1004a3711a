// Entity resolution: does a listen (artist + title from a service) name this library track? A
// blocking key for exact joins, and a 0..1 confidence from normalised artist and title, with
// album and duration as tie-breakers. Pure; the lakehouse stores the confidence beside the match.
import { artistNames, normaliseArtist, normaliseTitle } from './normalise';

export { artistNames, normaliseArtist, normaliseTitle } from './normalise';

/** At or above this a listen is taken as a play of the track; below, it stays "listened elsewhere". */
export const MATCH_THRESHOLD = 0.8;

export interface MatchSide {
  artist: string | null;
  title: string | null;
  album?: string | null;
  /** Known track length. For a listen, pass ms_played/1000 only when it played to the end. */
  durationS?: number | null;
}

/** Equal for the same recording however a service spelled it; the first credited artist only. */
export function matchKey(artist: string | null | undefined, title: string | null | undefined): string {
  return `${artistNames(artist)[0] ?? ''}\u241f${normaliseTitle(title)}`;
}

function bigrams(s: string): Map<string, number> {
  const t = s.replace(/ /g, '');
  const out = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen-Dice over character bigrams: tolerant of typos and word order, 1 for equal text. */
export function similarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Whole credit compared, and a shared credited name counts: 'A, B' vs 'A' is the same act here. */
function artistSimilarity(a: string | null, b: string | null): number {
  const whole = similarity(normaliseArtist(a), normaliseArtist(b));
  if (whole === 1) return 1;
  const na = artistNames(a);
  const nb = artistNames(b);
  const shared = na.some((n) => nb.includes(n));
  const firstShared = na[0] !== undefined && na[0] === nb[0];
  return Math.max(whole, firstShared ? 0.95 : shared ? 0.9 : 0);
}

/** 'Pt. 1' vs 'Pt. 2', 'No. 5' vs 'No. 9': text nearly equal, different works. */
function numbersDiffer(a: string, b: string): boolean {
  const na = a.match(/\d+/g)?.join(' ') ?? '';
  const nb = b.match(/\d+/g)?.join(' ') ?? '';
  return na !== nb;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * How sure we are that `listen` is a play of `candidate`, 0..1. Title and artist must both agree:
 * their scores multiply, and partial similarity is sharpened (cubed/squared) so a near-miss like
 * 'Love Song' vs 'Love Songs' falls under the threshold unless album or duration vouch for it.
 */
export function matchConfidence(listen: MatchSide, candidate: MatchSide): number {
  const lt = normaliseTitle(listen.title);
  const ct = normaliseTitle(candidate.title);
  const tSim = numbersDiffer(lt, ct) ? similarity(lt, ct) / 2 : similarity(lt, ct);
  if (tSim === 0) return 0;
  // A listen without an artist (rare; some Last.fm rows) can only ever be a weak match.
  const aSim = listen.artist && candidate.artist ? artistSimilarity(listen.artist, candidate.artist) : 0.5;
  let score = (tSim === 1 ? 1 : tSim ** 3) * (aSim === 1 ? 1 : aSim ** 2);
  if (listen.album && candidate.album) {
    const albumSim = similarity(normaliseTitle(listen.album), normaliseTitle(candidate.album));
    if (albumSim === 1) score += 0.05;
    else if (albumSim >= 0.8) score += 0.02;
  }
  const dl = listen.durationS;
  const dc = candidate.durationS;
  if (dl != null && dc != null && dl > 0 && dc > 0) {
    const diff = Math.abs(dl - dc);
    if (diff <= 2) score += 0.05;
    else if (diff > 10 && diff / Math.max(dl, dc) > 0.05) score -= 0.1;
  }
  return round3(Math.min(1, Math.max(0, score)));
}

/** The best candidate for a listen (ties go to the first), or null when none reaches the threshold. */
export function bestMatch<T extends MatchSide>(listen: MatchSide, candidates: readonly T[]): { candidate: T; confidence: number } | null {
  let best: { candidate: T; confidence: number } | null = null;
  for (const candidate of candidates) {
    const confidence = matchConfidence(listen, candidate);
    if (confidence >= MATCH_THRESHOLD && (!best || confidence > best.confidence)) best = { candidate, confidence };
  }
  return best;
}
