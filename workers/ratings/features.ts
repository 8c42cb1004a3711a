// Feature rows for the rating model: technical (tempo, key on the wheel, loudness, length, timbre),
// descriptive (year, genre) and interaction (plays, skip share). Missing values take the median of
// the known ones, so a track without analysis still gets a row; genre is one column per common genre.
import { musicalKey } from '../../src/domain/playlist';
import { camelot } from '../../src/domain/key';
import { standardise } from '../../src/domain/recommend-similar';
import type { RatingInput } from './api';

const MFCC_USED = 6; // the first coefficients carry the broad timbre; more only adds noise for small data
const TOP_GENRES = 8;

export interface FeatureMatrix {
  names: string[];
  rows: number[][];
  /** The same rows, each column scaled to mean 0 / sd 1, for similarity. */
  scaled: number[][];
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function buildFeatures(tracks: readonly RatingInput[]): FeatureMatrix {
  const genreCounts = new Map<string, number>();
  for (const t of tracks) if (t.genre) genreCounts.set(t.genre, (genreCounts.get(t.genre) ?? 0) + 1);
  const genres = [...genreCounts].sort((a, b) => b[1] - a[1]).slice(0, TOP_GENRES).map(([g]) => g);
  const timbre = standardise(tracks.map((t) => t.mfcc?.slice(0, MFCC_USED) ?? null));

  const columns: [string, (t: RatingInput, i: number) => number | null][] = [
    // Half/double time is one feel: fold into 60..180.
    ['bpm', (t) => (t.bpm && t.bpm > 0 ? fold(t.bpm) : null)],
    // The wheel is a circle: 12A sits next to 1A, so the position goes in as sine and cosine.
    ['key_wheel_sin', (t) => wheel(t.key, Math.sin)],
    ['key_wheel_cos', (t) => wheel(t.key, Math.cos)],
    ['key_minor', (t) => { const k = musicalKey(t.key); return k ? (k.mode === 'minor' ? 1 : 0) : null; }],
    ['energy', (t) => t.energy],
    ['danceability', (t) => t.danceability],
    ['loudness_lufs', (t) => t.loudnessLufs],
    ['duration_s', (t) => t.durationS],
    ['year', (t) => t.year],
    ['log_play_count', (t) => (t.playCount === null ? null : Math.log1p(t.playCount))],
    ['skip_share', (t) => (t.playCount === null && t.skipCount === null ? null : (t.skipCount ?? 0) / Math.max(1, (t.playCount ?? 0) + (t.skipCount ?? 0)))],
    ...Array.from({ length: MFCC_USED }, (_, d) => [`mfcc_${d}`, (_t: RatingInput, i: number) => timbre[i]?.[d] ?? null] as [string, (t: RatingInput, i: number) => number | null]),
    ...genres.map((g) => [`genre_${g}`, (t: RatingInput) => (t.genre === null ? null : t.genre === g ? 1 : 0)] as [string, (t: RatingInput) => number | null]),
  ];
  const raw = tracks.map((t, i) => columns.map(([, f]) => f(t, i)));
  // A column nobody has (e.g. no analysis at all) is dropped rather than filled with one constant.
  const keep = columns.map((_, c) => raw.some((r) => r[c] !== null && Number.isFinite(r[c]!)));
  const medians = columns.map((_, c) => median(raw.map((r) => r[c]).filter((v): v is number => v !== null && Number.isFinite(v))));
  const rows = raw.map((r) => r.map((v, c) => (v !== null && Number.isFinite(v) ? v : medians[c]!)).filter((_, c) => keep[c]));
  const names = columns.map(([n]) => n).filter((_, c) => keep[c]);
  const scaled = standardise(rows).map((r, i) => r ?? rows[i]!.map(() => 0));
  return { names, rows, scaled };
}

function fold(bpm: number): number {
  let b = bpm;
  while (b < 60) b *= 2;
  while (b > 180) b /= 2;
  return b;
}

function wheel(key: string | null, f: (x: number) => number): number | null {
  const k = musicalKey(key);
  const code = k ? camelot(k) : null;
  return code ? f((2 * Math.PI * parseInt(code, 10)) / 12) : null;
}
