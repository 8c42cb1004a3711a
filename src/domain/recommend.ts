// "What to look for next", pure: tracks are described by attribute values (key, BPM band, era,
// genre, label, energy band, timbre cluster); a criterion is one to three of them together.
// Item-item collaborative filtering over listening sessions (days) scores criteria from what the
// person played lately; evidence compares listening share with library share ("you play these
// 3.1x more than your library average and own only 4").
import { criterionKey, describeCriterion, parseCriterionKey, type Criterion, type Facets } from './recommend-facets';

export * from './recommend-facets';

export interface FacetTrack {
  trackId: string;
  facets: Facets;
}
export interface FacetListen {
  atMs: number;
  facets: Facets;
}

export interface Suggestion {
  criterion: Criterion;
  text: string;
  score: number;
  listens: number;
  owned: number;
  /** Listening share over library share; null when you own none (then it is pure discovery). */
  lift: number | null;
}

const DAY = 86_400_000;

/** All criteria of 1..maxFacets facets a listen or track falls under. */
export function criteriaOf(f: Facets, maxFacets: number, only?: readonly string[]): string[] {
  const present = Object.entries(f).filter(([k, v]) => v !== null && v !== undefined && v !== '' && (!only || only.includes(k))) as [string, string][];
  present.sort(([a], [b]) => a.localeCompare(b));
  const out: string[] = [];
  const walk = (start: number, acc: [string, string][]) => {
    if (acc.length) out.push(criterionKey(Object.fromEntries(acc)));
    if (acc.length === maxFacets) return;
    for (let i = start; i < present.length; i++) walk(i + 1, [...acc, present[i]!]);
  };
  walk(0, []);
  return out;
}

/** Which cells (criteria) a listen counts towards. */
export type Cells = (f: Facets) => readonly string[];

export interface RecommendOptions {
  maxFacets?: number; // 1..3
  facets?: readonly string[];
  /** The "recent profile" that queries the item-item model. */
  recentDays?: number;
  limit?: number;
}

/** Popularity baseline: criteria ranked by how often they were played, all time. */
export function popularityRanking(listens: readonly FacetListen[], cells: Cells): string[] {
  const counts = new Map<string, number>();
  for (const l of listens) for (const c of cells(l.facets)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/**
 * Recency profile blended with item-item CF: criteria are items, listening days are the "users". Similarity is cosine over
 * day vectors; a criterion's affinity is the similarity-weighted sum of the person's recent
 * (decayed) plays of every criterion. Criteria never played lately can still score when they
 * are played on the same days as what is played lately: that is the collaborative part.
 */
export function cfRanking(listens: readonly FacetListen[], cells: Cells, recentDays = 14): Map<string, number> {
  const byDay = new Map<number, Map<string, number>>();
  let last = -Infinity;
  for (const l of listens) {
    last = Math.max(last, l.atMs);
    const day = Math.floor(l.atMs / DAY);
    const m = byDay.get(day) ?? new Map<string, number>();
    for (const c of cells(l.facets)) m.set(c, (m.get(c) ?? 0) + 1);
    byDay.set(day, m);
  }
  const halfLife = recentDays * DAY;
  const profile = new Map<string, number>();
  const norm = new Map<string, number>();
  const postings = new Map<string, [number, number][]>(); // criterion -> (day, log-damped count)
  for (const [day, m] of byDay) {
    const w = Math.pow(0.5, (last - day * DAY) / halfLife);
    for (const [c, n] of m) {
      const v = Math.log1p(n);
      profile.set(c, (profile.get(c) ?? 0) + w * v);
      norm.set(c, (norm.get(c) ?? 0) + v * v);
      (postings.get(c) ?? postings.set(c, []).get(c)!).push([day, v]);
    }
  }
  // The strongest profile entries only: the full cross product would be quadratic in criteria.
  const query = [...profile].sort((a, b) => b[1] - a[1]).slice(0, 50);
  const dayVectors = new Map<number, Map<string, number>>();
  for (const [c, ps] of postings) for (const [d, v] of ps) (dayVectors.get(d) ?? dayVectors.set(d, new Map()).get(d)!).set(c, v);
  const score = new Map<string, number>();
  for (const [q, weight] of query) {
    const dots = new Map<string, number>();
    for (const [d, vq] of postings.get(q)!) for (const [c, vc] of dayVectors.get(d)!) dots.set(c, (dots.get(c) ?? 0) + vq * vc);
    for (const [c, dot] of dots) {
      const sim = dot / Math.sqrt(norm.get(q)! * norm.get(c)!);
      score.set(c, (score.get(c) ?? 0) + weight * sim);
    }
  }
  // Blend with the recent profile itself: pure item-item CF smooths towards whatever co-occurs
  // with everything, and a criterion you play a lot right now should stay on top.
  const maxP = Math.max(1e-9, ...profile.values()), maxS = Math.max(1e-9, ...score.values());
  const blended = new Map<string, number>();
  for (const c of new Set([...profile.keys(), ...score.keys()])) blended.set(c, 0.5 * (profile.get(c) ?? 0) / maxP + 0.5 * (score.get(c) ?? 0) / maxS);
  return blended;
}

export function ranked(scores: Map<string, number>): string[] {
  return [...scores].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/** Ranked search criteria with evidence: CF affinity, raised where you own little of what you play. */
export function suggestCriteria(listens: readonly FacetListen[], library: readonly FacetTrack[], o: RecommendOptions = {}): Suggestion[] {
  const maxFacets = o.maxFacets ?? 3;
  const cells: Cells = (f) => criteriaOf(f, maxFacets, o.facets);
  const cf = cfRanking(listens, cells, o.recentDays);
  const played = new Map<string, number>();
  for (const l of listens) for (const c of cells(l.facets)) played.set(c, (played.get(c) ?? 0) + 1);
  const owned = new Map<string, number>();
  for (const t of library) for (const c of cells(t.facets)) owned.set(c, (owned.get(c) ?? 0) + 1);
  const nListens = Math.max(1, listens.length), nOwned = Math.max(1, library.length);
  const out: Suggestion[] = [];
  for (const [key, affinity] of cf) {
    const p = played.get(key) ?? 0, w = owned.get(key) ?? 0;
    if (p < 3) continue; // too little evidence to say anything
    // Shrunk towards 1 with 5 pseudo-listens, so 2 plays of a 1-track cell is not "50x".
    const lift = w ? (p + 5) / ((w / nOwned) * nListens + 5) : null;
    const scarcity = lift === null ? 2 : Math.max(0.25, Math.min(4, lift));
    const facetsUsed = key.split('|').length;
    const criterion = parseCriterionKey(key);
    const text = `Try ${describeCriterion(criterion)}: ${lift === null ? `you played these ${p} times and own none` : `you play these ${lift.toFixed(1)}x more than your library average and own only ${w}`}`;
    // More specific criteria are better search terms: a small bonus per facet.
    out.push({ criterion, text, score: affinity * scarcity * (1 + 0.25 * (facetsUsed - 1)), listens: p, owned: w, lift });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, o.limit ?? 10);
}
