// The rating model: a random forest (ml-random-forest, from ml.js) learns the person's 0..5 star
// ratings from track features; 5-fold cross-validation gives its MAE beside always-the-mean on the
// same folds. Each prediction says why: the most similar highly rated tracks, and how many highly
// rated tracks are harmonically compatible / within 6 % tempo. Under MIN_RATED ratings it refuses.
import { RandomForestRegression } from 'ml-random-forest';
import { bpmStep, keyRelation } from '../../src/domain/playlist';
import { MIN_RATED, type Prediction, type RatingInput, type RatingResult, type RatingsApi, type SimilarRated } from './api';
import { buildFeatures } from './features';

export const LIBRARY = 'ml-random-forest 2.1.0';
const HIGH = 4; // "highly rated": 4 stars or more
const FOLDS = 5;

function forest(n: number): RandomForestRegression {
  // Small forests of shallow-ish trees: the person's ratings are tens to thousands, and training
  // runs after every pipeline run, so it must take seconds, not minutes.
  return new RandomForestRegression({
    seed: 42, nEstimators: n > 2000 ? 40 : 60, maxFeatures: 0.6, replacement: true, useSampleBagging: true, noOOB: true,
    treeOptions: { maxDepth: 8, minNumSamples: 3 },
  });
}

const clamp = (x: number) => Math.max(0, Math.min(5, x));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Deterministic fold of row i: a hash of its track id, so reruns on the same data agree. */
function foldOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}

export function crossValidate(x: number[][], y: number[], ids: string[]): { cvMae: number; baselineMae: number } {
  let err = 0, base = 0;
  for (let f = 0; f < FOLDS; f++) {
    const train = ids.map((id, i) => (foldOf(id) === f ? -1 : i)).filter((i) => i >= 0);
    const test = ids.map((id, i) => (foldOf(id) === f ? i : -1)).filter((i) => i >= 0);
    if (!test.length || train.length < 2) continue;
    const model = forest(train.length);
    model.train(train.map((i) => x[i]!), train.map((i) => y[i]!));
    const predicted = model.predict(test.map((i) => x[i]!));
    const m = mean(train.map((i) => y[i]!));
    test.forEach((i, j) => {
      err += Math.abs(clamp(predicted[j]!) - y[i]!);
      base += Math.abs(m - y[i]!);
    });
  }
  return { cvMae: err / y.length, baselineMae: base / y.length };
}

function explain(t: RatingInput, i: number, tracks: readonly RatingInput[], scaled: number[][], high: number[]): Pick<Prediction, 'explanation' | 'similar'> {
  const similar: SimilarRated[] = high
    .map((j) => {
      const d = Math.sqrt(scaled[i]!.reduce((s, v, c) => s + (v - scaled[j]![c]!) ** 2, 0) / scaled[i]!.length);
      const o = tracks[j]!;
      return { trackId: o.trackId, artist: o.artist, title: o.title, rating: o.rating!, similarity: 1 / (1 + d) };
    })
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 3);
  const parts: string[] = [];
  if (t.key) {
    const harmonic = high.filter((j) => { const r = keyRelation(t.key, tracks[j]!.key); return r !== 'clash' && r !== 'unknown'; }).length;
    parts.push(`harmonically similar to ${Math.round((100 * harmonic) / high.length)} % of your highly rated tracks`);
  }
  if (t.bpm) {
    const close = high.filter((j) => { const d = bpmStep(t.bpm, tracks[j]!.bpm).diff; return d !== null && d <= 0.06; }).length;
    parts.push(`within 6 % of the tempo of ${Math.round((100 * close) / high.length)} %`);
  }
  if (similar[0]) parts.push(`closest to “${similar[0].artist ?? '?'} – ${similar[0].title ?? '?'}” (${similar[0].rating} ★)`);
  return { explanation: parts.length ? `${parts.join('; ')}.` : 'No key, tempo or similar rated track to compare with.', similar };
}

export function train(tracks: RatingInput[]): RatingResult {
  const ratedIdx = tracks.map((t, i) => (t.rating !== null && Number.isFinite(t.rating) ? i : -1)).filter((i) => i >= 0);
  if (ratedIdx.length < MIN_RATED) {
    return {
      status: 'too-few-ratings', rated: ratedIdx.length, needed: MIN_RATED,
      message: `Only ${ratedIdx.length} rated tracks: the model needs at least ${MIN_RATED} to learn your taste, so it predicts nothing yet. Rate a few more tracks (stars on the library or track page) or import a library with ratings.`,
    };
  }
  const { names, rows, scaled } = buildFeatures(tracks);
  const x = ratedIdx.map((i) => rows[i]!), y = ratedIdx.map((i) => tracks[i]!.rating!);
  const { cvMae, baselineMae } = crossValidate(x, y, ratedIdx.map((i) => tracks[i]!.trackId));
  const model = forest(x.length);
  model.train(x, y);
  const unrated = tracks.map((t, i) => (t.rating === null ? i : -1)).filter((i) => i >= 0);
  const predicted = unrated.length ? model.predict(unrated.map((i) => rows[i]!)) : [];
  let high = ratedIdx.filter((i) => tracks[i]!.rating! >= HIGH);
  if (!high.length) high = ratedIdx; // nobody above 4 stars: compare with every rated track instead
  const predictions = unrated.map((i, j) => ({
    trackId: tracks[i]!.trackId,
    predicted: Math.round(clamp(predicted[j]!) * 100) / 100,
    ...explain(tracks[i]!, i, tracks, scaled, high),
  }));
  return { status: 'trained', rated: ratedIdx.length, cvMae, baselineMae, features: names, library: LIBRARY, predictions };
}

export const ratings = {
  async train(tracks: RatingInput[]) {
    return train(tracks);
  },
} satisfies RatingsApi;
