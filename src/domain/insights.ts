// Plain-language findings from dashboard aggregates. A finding is stated only when its sample
// reaches a minimum and it differs from chance: a one-sided z-test of a proportion against what
// the library alone would predict (p < 0.01). Each carries its numbers and its support.

export interface Insight {
  id: string;
  text: string;
  /** How many observations (plays, tracks) the finding rests on. */
  support: number;
  /** The query (sql/queries/dashboards name) and the filter that lists the tracks behind it. */
  query: string;
  tracks: { dim: string; value: string } | null;
}

export const MIN_PLAYS = 200;
export const MIN_TRACKS = 30;
/** One-sided z for p < 0.01. */
const Z_01 = 2.326;

/** z of an observed share against an expected one, for n observations. */
export function zScore(observed: number, expected: number, n: number): number {
  if (n <= 0 || expected <= 0 || expected >= 1) return 0;
  return (observed - expected) / Math.sqrt((expected * (1 - expected)) / n);
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** "Your most played tracks are typically in the 120–129 BPM range (41 % of plays, 18 % of the library)." */
export function bpmInsight(rows: { band: string; tracks: number; plays: number }[]): Insight | null {
  const plays = rows.reduce((a, r) => a + r.plays, 0);
  const tracks = rows.reduce((a, r) => a + r.tracks, 0);
  if (plays < MIN_PLAYS || tracks < MIN_TRACKS) return null;
  const best = [...rows].sort((a, b) => b.plays - a.plays)[0];
  if (!best) return null;
  const playShare = best.plays / plays;
  const libShare = best.tracks / tracks;
  if (zScore(playShare, libShare, plays) < Z_01) return null;
  return {
    id: 'bpm-plays',
    text: `Your most played tracks are typically in the ${best.band} BPM range (${pct(playShare)} of plays, ${pct(libShare)} of the library).`,
    support: plays,
    query: 'insight_bpm_plays',
    tracks: { dim: 'bpm_band', value: best.band },
  };
}

/** "90 % of your House tracks are in five minor keys (8A, 5A, ...)": for genres where the top five minor keys hold far more than 5/24. */
export function genreKeyInsights(rows: { genre: string; camelot: string; tracks: number }[], limit = 3): Insight[] {
  const byGenre = new Map<string, { camelot: string; tracks: number }[]>();
  for (const r of rows) byGenre.set(r.genre, [...(byGenre.get(r.genre) ?? []), r]);
  const out: (Insight & { z: number })[] = [];
  for (const [genre, keys] of byGenre) {
    const total = keys.reduce((a, k) => a + k.tracks, 0);
    if (total < MIN_TRACKS) continue;
    const minor = keys.filter((k) => k.camelot.endsWith('A')).sort((a, b) => b.tracks - a.tracks).slice(0, 5);
    const share = minor.reduce((a, k) => a + k.tracks, 0) / total;
    const z = zScore(share, 5 / 24, total);
    if (share < 0.5 || z < Z_01) continue;
    out.push({
      id: `genre-keys-${genre}`,
      text: `${pct(share)} of your ${genre} tracks are in five minor keys (${minor.map((k) => k.camelot).join(', ')}); evenly spread keys would give 21 %.`,
      support: total, query: 'insight_genre_keys', tracks: { dim: 'genre', value: genre }, z,
    });
  }
  return out.sort((a, b) => b.z - a.z).slice(0, limit).map(({ z: _z, ...i }) => i);
}

/** The genre you skip most, when its skip rate stands clearly above your overall rate. */
export function skipInsight(rows: { genre: string; listens: number; skips: number }[]): Insight | null {
  const listens = rows.reduce((a, r) => a + r.listens + r.skips, 0);
  const skips = rows.reduce((a, r) => a + r.skips, 0);
  if (listens < MIN_PLAYS) return null;
  const overall = skips / listens;
  const scored = rows
    .filter((r) => r.listens + r.skips >= MIN_PLAYS / 4)
    .map((r) => ({ r, rate: r.skips / (r.listens + r.skips), z: zScore(r.skips / (r.listens + r.skips), overall, r.listens + r.skips) }))
    .sort((a, b) => b.z - a.z)[0];
  if (!scored || scored.z < Z_01) return null;
  const n = scored.r.listens + scored.r.skips;
  return {
    id: 'skips-genre',
    text: `You skip ${scored.r.genre} more than anything else: ${pct(scored.rate)} of its ${n} starts are skips, against ${pct(overall)} overall.`,
    support: n, query: 'insight_genre_skips', tracks: { dim: 'genre', value: scored.r.genre },
  };
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** When you listen: the busiest 4-hour window of the week's days, against an even spread (4/24). */
export function hoursInsight(rows: { dow: number; hour: number; listens: number }[]): Insight | null {
  const total = rows.reduce((a, r) => a + r.listens, 0);
  if (total < MIN_PLAYS) return null;
  const byHour = Array.from({ length: 24 }, (_, h) => rows.filter((r) => r.hour === h).reduce((a, r) => a + r.listens, 0));
  let best = 0;
  let start = 0;
  for (let h = 0; h < 24; h++) {
    const sum = [0, 1, 2, 3].reduce((a, k) => a + byHour[(h + k) % 24]!, 0);
    if (sum > best) (best = sum), (start = h);
  }
  const share = best / total;
  if (zScore(share, 4 / 24, total) < Z_01) return null;
  const byDay = DAYS.map((d, i) => ({ d, n: rows.filter((r) => r.dow === i + 1).reduce((a, r) => a + r.listens, 0) })).sort((a, b) => b.n - a.n)[0]!;
  const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return {
    id: 'hours',
    text: `${pct(share)} of your plays start between ${hh(start)} and ${hh(start + 4)} UTC (an even spread would give 17 %); ${byDay.d} is your busiest day.`,
    support: total, query: 'trends_heatmap', tracks: null,
  };
}
