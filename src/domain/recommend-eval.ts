// Offline evaluation of the recommender, pure: hold out the latest 20 % of listens, learn from the
// rest, and ask how highly each held-out listen's cell (its values of the evaluated facets, e.g.
// key + BPM band) was ranked: hit rate at K and NDCG at K, beside a popularity baseline (cells
// ranked by all-time play count). It measures "did we point at the kind of music you went on to
// play", not whether you liked a particular track.
import { cellOf, type FacetName } from './recommend-facets';
import { cfRanking, popularityRanking, ranked, type FacetListen } from './recommend';

export interface RankScores {
  hitRate: number;
  ndcg: number;
}
export interface Evaluation {
  facets: FacetName[];
  k: number;
  train: number;
  test: number;
  /** Held-out listens with every evaluated facet known (the rest cannot be scored). */
  scored: number;
  cells: number;
  model: RankScores;
  popularity: RankScores;
}

function score(ranking: readonly string[], test: readonly string[], k: number): RankScores {
  const rank = new Map(ranking.slice(0, k).map((c, i) => [c, i]));
  let hits = 0, gain = 0;
  for (const c of test) {
    const r = rank.get(c);
    if (r === undefined) continue;
    hits++;
    gain += 1 / Math.log2(r + 2); // one relevant item per listen, so the ideal DCG is 1
  }
  return { hitRate: test.length ? hits / test.length : 0, ndcg: test.length ? gain / test.length : 0 };
}

export function evaluateRecommender(listens: readonly FacetListen[], facets: FacetName[], o: { k?: number; holdout?: number; recentDays?: number } = {}): Evaluation {
  const k = o.k ?? 10;
  const sorted = [...listens].sort((a, b) => a.atMs - b.atMs);
  const cut = Math.floor(sorted.length * (1 - (o.holdout ?? 0.2)));
  const train = sorted.slice(0, cut), test = sorted.slice(cut);
  const cells = (f: FacetListen['facets']) => {
    const c = cellOf(f, facets);
    return c === null ? [] : [c];
  };
  const testCells = test.map((l) => cellOf(l.facets, facets)).filter((c): c is string => c !== null);
  const cf = ranked(cfRanking(train, cells, o.recentDays));
  const pop = popularityRanking(train, cells);
  return {
    facets, k, train: train.length, test: test.length, scored: testCells.length, cells: pop.length,
    model: score(cf, testCells, k), popularity: score(pop, testCells, k),
  };
}
