// The harmonic playlist generator, pure: a beam search over the candidate pool. Each step scores
// the transition (key, tempo, energy), how well the track fits the mode (favourites, rediscover,
// balanced) and the energy arc; keeping several partial playlists alive (the beam) is the
// lookahead that stops one greedy pick from painting the rest into a corner.
import { arcTarget, compatibleShare, transition, type EnergyArc, type PlaylistTrack, type Transition } from './playlist';

export type PlaylistMode = 'favourites' | 'rediscover' | 'balanced';
export type PlaylistLength = { tracks: number } | { minutes: number };

export interface GenerateOptions {
  pool: readonly PlaylistTrack[];
  length: PlaylistLength;
  mode: PlaylistMode;
  arc: EnergyArc;
  /** No artist twice within this many consecutive tracks. */
  artistGap: number;
  /** Tracks to start with, in order (ignored when `locked` is given). */
  seeds?: readonly string[];
  /** Position -> track id to keep; null positions are generated ("lock and regenerate the rest"). */
  locked?: readonly (string | null)[];
  beamWidth?: number;
  nowMs?: number;
}

export interface GeneratedPlaylist {
  tracks: PlaylistTrack[];
  transitions: Transition[];
  compatible: { ok: number; total: number };
  durationS: number;
  /** Plain sentences on what could not be honoured (small pool, relaxed artist gap, ...). */
  notes: string[];
}

interface Beam {
  seq: number[];
  used: Set<number>;
  score: number;
  relaxed: number;
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : 240);

/** Percentile rank 0..1 of each value among the non-null ones; null stays null. */
function percentiles(values: (number | null)[]): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!sorted.length) return values.map(() => null);
  return values.map((v) => {
    if (v === null) return null;
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < v) lo = mid + 1; else hi = mid; }
    return sorted.length === 1 ? 0.5 : lo / (sorted.length - 1);
  });
}

/** How much the mode wants each track, 0..1. */
export function modePreference(pool: readonly PlaylistTrack[], mode: PlaylistMode, nowMs: number): number[] {
  const plays = percentiles(pool.map((t) => t.playCount));
  const stale = percentiles(pool.map((t) => (t.lastPlayedAtMs === null ? null : nowMs - t.lastPlayedAtMs)));
  return pool.map((t, i) => {
    const liked = t.rating !== null ? t.rating / 5 : 0.5;
    const fav = 0.6 * liked + 0.4 * (plays[i] ?? 0);
    // Rediscover: rarely or long-ago played, still not disliked (a 1-star track is no rediscovery).
    const redis = 0.45 * (1 - (plays[i] ?? 0)) + 0.35 * (t.lastPlayedAtMs === null ? 1 : (stale[i] ?? 0.5)) + 0.2 * liked;
    return mode === 'favourites' ? fav : mode === 'rediscover' ? redis : 0.5 * fav + 0.5 * redis;
  });
}

function targetCount(pool: readonly PlaylistTrack[], length: PlaylistLength): number {
  if ('tracks' in length) return Math.max(1, Math.round(length.tracks));
  const typical = median(pool.map((t) => t.durationS ?? 0).filter((d) => d > 0));
  return Math.max(1, Math.round((length.minutes * 60) / typical));
}

export function generatePlaylist(o: GenerateOptions): GeneratedPlaylist {
  const pool = o.pool;
  const notes: string[] = [];
  const index = new Map(pool.map((t, i) => [t.trackId, i]));
  const wanted = o.locked ?? (o.seeds ?? []);
  const n = Math.min(Math.max(targetCount(pool, o.length), wanted.length), pool.length);
  if (n < targetCount(pool, o.length)) notes.push(`Only ${pool.length} tracks match, so the playlist is shorter than asked.`);
  const fixed: (number | null)[] = Array.from({ length: n }, (_, i) => {
    const id = wanted[i];
    return id ? (index.get(id) ?? null) : null;
  });
  const pref = modePreference(pool, o.mode, o.nowMs ?? Date.now());
  const energy = percentiles(pool.map((t) => t.energy));
  const artist = pool.map((t) => (t.artist ?? '').trim().toLowerCase());
  const width = o.beamWidth ?? 8;

  const stepScore = (prev: number | null, c: number, pos: number): number => {
    const fit = energy[c] === null ? 0.5 : 1 - Math.abs(energy[c]! - arcTarget(o.arc, pos, n));
    let s = 0.35 * pref[c]! + 0.3 * fit;
    if (prev !== null) {
      const t = transition(pool[prev]!, pool[c]!);
      // A transition that breaks the key or tempo rule is allowed only when nothing else fits.
      s += t.ok ? t.score : t.score - 1;
    }
    return s;
  };
  const artistClash = (b: Beam, c: number, gap: number) =>
    artist[c] !== '' && b.seq.slice(-gap).some((p) => artist[p] === artist[c]);

  let beams: Beam[] = [{ seq: [], used: new Set(), score: 0, relaxed: 0 }];
  for (let pos = 0; pos < n; pos++) {
    const children: Beam[] = [];
    for (const b of beams) {
      const prev = b.seq.at(-1) ?? null;
      const forced = fixed[pos];
      let picks: { c: number; s: number; relaxed: boolean }[];
      if (forced !== null && forced !== undefined && !b.used.has(forced)) {
        picks = [{ c: forced, s: stepScore(prev, forced, pos), relaxed: false }];
      } else {
        const lockedLater = new Set(fixed.filter((x): x is number => x !== null));
        const free = pool.map((_, c) => c).filter((c) => !b.used.has(c) && !lockedLater.has(c));
        let ok = free.filter((c) => !artistClash(b, c, o.artistGap));
        const relaxed = ok.length === 0;
        if (relaxed) ok = free; // a small pool: better a repeat artist than a short playlist
        picks = ok.map((c) => ({ c, s: stepScore(prev, c, pos), relaxed })).sort((x, y) => y.s - x.s).slice(0, width);
      }
      for (const p of picks) {
        const used = new Set(b.used);
        used.add(p.c);
        children.push({ seq: [...b.seq, p.c], used, score: b.score + p.s, relaxed: b.relaxed + (p.relaxed ? 1 : 0) });
      }
    }
    if (!children.length) break;
    beams = children.sort((x, y) => y.score - x.score).slice(0, width);
  }
  const best = beams[0]!;
  const tracks = best.seq.map((i) => pool[i]!);
  const transitions = tracks.slice(1).map((t, i) => transition(tracks[i]!, t));
  const compatible = compatibleShare(tracks);
  if (best.relaxed) notes.push(`The artist gap of ${o.artistGap} was relaxed ${best.relaxed} time(s): too few different artists.`);
  if (compatible.ok < compatible.total) {
    notes.push(`${compatible.total - compatible.ok} of ${compatible.total} transitions break the key or 6 % tempo rule: the library has no compatible track for those steps (or lacks key/BPM).`);
  }
  const durationS = tracks.reduce((s, t) => s + (t.durationS ?? 0), 0);
  return { tracks, transitions, compatible, durationS, notes };
}
