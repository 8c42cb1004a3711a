// The recap ("Wrapped") for a period, pure: minutes, top tracks/artists/genres, favourite keys and
// tempo, discoveries (artists first heard in the period) and a listening personality chosen by
// plain rules that the recap states, so the label is never a mystery. Its input is what was heard
// in the period, one row per track (gold.daily_track_listens), so its plays and top lists are the
// dashboards' for the same period; ties are broken by name as the dashboards' SQL breaks them.

/** One library track, or one recording outside the library, heard in the period. */
export interface RecapRow {
  track_id: string | null;
  /** As the top lists name it ("artist – title", a recording outside the library says so). */
  name: string;
  artist: string | null;
  genre: string | null;
  key: string | null;
  bpm: number | null;
  energy: number | null;
  /** Plays in the period (listens of 30 s or more). */
  listens: number;
  /** Time listened in the period, skips included. */
  ms_listened: number;
  /** Plays begun between 22:00 and 05:00 UTC. */
  night_listens: number;
  /** The library track's plays of all time (gold.track_facts.play_count); null outside the library. */
  all_time_plays: number | null;
  /** The first day the artist was heard at all, as epoch ms. */
  artist_first_ms: number | null;
}

export interface Ranked {
  name: string;
  /** Plays in the period. */
  count: number;
  /** For a library track: its plays of all time, which also hold undated counters (iTunes, tags). */
  allTime?: number;
}

export interface Recap {
  /** Plays in the period. */
  listens: number;
  /** Minutes listened in the period, skips included. */
  minutes: number;
  topTracks: Ranked[];
  topArtists: Ranked[];
  topGenres: Ranked[];
  topKeys: Ranked[];
  medianBpm: number | null;
  discoveries: Ranked[];
  personality: { name: string; why: string };
}

// Code-point order, as DuckDB orders names (the dashboards' top lists), not the locale's.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function top(rows: readonly RecapRow[], of: (r: RecapRow) => string | null, n = 5): Ranked[] {
  const m = new Map<string, number>();
  for (const r of rows) {
    const v = of(r);
    if (v && r.listens > 0) m.set(v, (m.get(v) ?? 0) + r.listens);
  }
  return [...m].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).slice(0, n).map(([name, count]) => ({ name, count }));
}

/** The median of the plays' tempos: each row's BPM counted once per play. */
function medianOf(rows: readonly RecapRow[]): number | null {
  const heard = rows.filter((r) => r.bpm && r.bpm > 0 && r.listens > 0).sort((a, b) => a.bpm! - b.bpm!);
  const total = heard.reduce((s, r) => s + r.listens, 0);
  let seen = 0;
  for (const r of heard) {
    seen += r.listens;
    if (seen > Math.floor(total / 2)) return Math.round(r.bpm!);
  }
  return null;
}

export function buildRecap(rows: readonly RecapRow[], periodStartMs: number): Recap {
  const listens = rows.reduce((s, r) => s + r.listens, 0);
  const minutes = Math.round(rows.reduce((s, r) => s + (r.ms_listened > 0 ? r.ms_listened : 0), 0) / 60_000);
  const discovered = rows.filter((r) => r.artist && r.artist_first_ms !== null && r.artist_first_ms >= periodStartMs);
  const topArtists = top(rows, (r) => r.artist);
  const allTime = new Map(rows.filter((r) => r.all_time_plays !== null).map((r) => [r.name, r.all_time_plays!]));
  const topTracks = top(rows, (r) => r.name).map((t) => (allTime.has(t.name) ? { ...t, allTime: allTime.get(t.name)! } : t));
  const recap: Omit<Recap, 'personality'> = {
    listens, minutes, topTracks, topArtists,
    topGenres: top(rows, (r) => r.genre), topKeys: top(rows, (r) => r.key, 3), medianBpm: medianOf(rows),
    discoveries: top(discovered, (r) => r.artist),
  };
  const discoveredListens = discovered.reduce((s, r) => s + r.listens, 0);
  return { ...recap, personality: personality(rows, listens, discoveredListens, topArtists) };
}

function personality(rows: readonly RecapRow[], listens: number, discoveredListens: number, topArtists: Ranked[]): Recap['personality'] {
  const n = Math.max(1, listens);
  const heard = rows.filter((r) => r.listens > 0);
  const artists = new Set(heard.map((r) => r.artist?.toLowerCase()).filter(Boolean)).size;
  const night = heard.reduce((s, r) => s + r.night_listens, 0) / n;
  const loyal = topArtists.reduce((s, a) => s + a.count, 0) / n;
  const withEnergy = heard.filter((r) => r.energy !== null);
  const weight = withEnergy.reduce((s, r) => s + r.listens, 0);
  const energy = weight ? withEnergy.reduce((s, r) => s + r.energy! * r.listens, 0) / weight : null;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  if (!listens) return { name: 'Quiet period', why: 'No plays in this period.' };
  if (discoveredListens / n >= 0.3) return { name: 'The Explorer', why: `${pct(discoveredListens / n)} of your plays were artists you first heard in this period.` };
  if (loyal >= 0.5) return { name: 'The Loyalist', why: `Your top 5 artists took ${pct(loyal)} of your plays.` };
  if (night >= 0.35) return { name: 'The Night Owl', why: `${pct(night)} of your plays were between 22:00 and 05:00 (UTC).` };
  if (energy !== null && energy >= 0.65) return { name: 'The Energiser', why: `Average energy of what you played: ${energy.toFixed(2)} of 1.` };
  return { name: 'The Eclectic', why: `${artists} different artists in ${listens} plays, none dominating.` };
}
