// Timbre clusters and "more like this", pure. Timbre is the analyser's mean MFCC vector; it is
// standardised per coefficient (MFCC 0 is loudness and would dominate), clustered with k-means
// from ml.js (ml-kmeans), and combined with key and tempo for nearest neighbours.
import { kmeans } from 'ml-kmeans';
import { bpmStep, keyRelation } from './playlist';

export interface SimilarInput {
  trackId: string;
  artist: string | null;
  title: string | null;
  bpm: number | null;
  key: string | null;
  mfcc: number[] | null;
}

/** Z-scores per coefficient over the tracks that have a vector of the common length. */
export function standardise(vectors: readonly (number[] | null)[]): (number[] | null)[] {
  const dim = vectors.find((v) => v?.length)?.length ?? 0;
  const ok = vectors.filter((v): v is number[] => !!v && v.length === dim && v.every(Number.isFinite));
  if (!dim || !ok.length) return vectors.map(() => null);
  const mean = Array.from({ length: dim }, (_, i) => ok.reduce((s, v) => s + v[i]!, 0) / ok.length);
  const sd = Array.from({ length: dim }, (_, i) => Math.sqrt(ok.reduce((s, v) => s + (v[i]! - mean[i]!) ** 2, 0) / ok.length) || 1);
  return vectors.map((v) => (v && v.length === dim && v.every(Number.isFinite) ? v.map((x, i) => (x - mean[i]!) / sd[i]!) : null));
}

/** Cluster index per track (null without a vector). k shrinks for small libraries: about one cluster per 8 tracks, 2..8. */
export function timbreClusters(vectors: readonly (number[] | null)[], groups?: number, seed = 7): (number | null)[] {
  const z = standardise(vectors);
  const points = z.filter((v): v is number[] => v !== null);
  const k = groups ?? Math.max(2, Math.min(8, Math.round(points.length / 8)));
  if (points.length < k * 2) return z.map(() => null); // too few analysed tracks to say anything
  const result = kmeans(points, k, { seed, initialization: 'kmeans++' });
  let j = 0;
  return z.map((v) => (v === null ? null : result.clusters[j++]!));
}

export interface Neighbour {
  trackId: string;
  artist: string | null;
  title: string | null;
  distance: number;
  why: string;
}

/** Nearest neighbours of `target` by timbre (z-scored MFCC), key and tempo; smaller distance is closer. */
export function moreLikeThis(target: string, tracks: readonly SimilarInput[], n = 10): Neighbour[] {
  const z = standardise(tracks.map((t) => t.mfcc));
  const i = tracks.findIndex((t) => t.trackId === target);
  if (i < 0) return [];
  const me = tracks[i]!, mz = z[i];
  const out: Neighbour[] = [];
  tracks.forEach((t, j) => {
    if (j === i) return;
    const zj = z[j];
    // Each part is scaled to about 0..1 so no single one decides alone.
    const timbre = mz && zj ? Math.min(1, Math.sqrt(mz.reduce((s, x, d) => s + (x - zj[d]!) ** 2, 0) / mz.length) / 2) : 0.6;
    const rel = keyRelation(me.key, t.key);
    const key = rel === 'same' ? 0 : rel === 'adjacent' || rel === 'relative' ? 0.3 : rel === 'unknown' ? 0.6 : 1;
    const step = bpmStep(me.bpm, t.bpm);
    const tempo = step.diff === null ? 0.6 : Math.min(1, step.diff / 0.12);
    const distance = 0.5 * timbre + 0.25 * key + 0.25 * tempo;
    const why = [
      mz && zj ? (timbre < 0.35 ? 'close timbre' : timbre < 0.6 ? 'similar timbre' : 'different timbre') : 'timbre not analysed',
      rel === 'clash' ? 'key clashes' : rel === 'unknown' ? 'key unknown' : `key ${rel}`,
      step.diff === null ? 'tempo unknown' : `${(step.diff * 100).toFixed(0)} % tempo apart`,
    ].join(', ');
    out.push({ trackId: t.trackId, artist: t.artist, title: t.title, distance, why });
  });
  return out.sort((a, b) => a.distance - b.distance).slice(0, n);
}
