// The recap ("Wrapped") for a period, pure: minutes, top tracks/artists/genres, favourite keys and
// tempo, discoveries (artists first heard in the period) and a listening personality chosen by
// plain rules that the recap states, so the label is never a mystery.

export interface RecapListen {
  track_id: string | null;
  artist: string | null;
  title: string | null;
  played_at_ms: number;
  hour_utc: number;
  seconds: number;
  genre: string | null;
  key: string | null;
  bpm: number | null;
  energy: number | null;
  artist_first_ms: number | null;
}

export interface Ranked {
  name: string;
  count: number;
}

export interface Recap {
  listens: number;
  minutes: number;
  topTracks: Ranked[];
  topArtists: Ranked[];
  topGenres: Ranked[];
  topKeys: Ranked[];
  medianBpm: number | null;
  discoveries: Ranked[];
  personality: { name: string; why: string };
}

function top(values: (string | null)[], n = 5): Ranked[] {
  const m = new Map<string, number>();
  for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([name, count]) => ({ name, count }));
}

export function buildRecap(rows: readonly RecapListen[], periodStartMs: number): Recap {
  const minutes = Math.round(rows.reduce((s, r) => s + (r.seconds > 0 ? r.seconds : 0), 0) / 60);
  const bpms = rows.map((r) => r.bpm).filter((b): b is number => !!b && b > 0).sort((a, b) => a - b);
  const medianBpm = bpms.length ? Math.round(bpms[Math.floor(bpms.length / 2)]!) : null;
  const discovered = rows.filter((r) => r.artist && r.artist_first_ms !== null && r.artist_first_ms >= periodStartMs);
  const topArtists = top(rows.map((r) => r.artist));
  const recap: Omit<Recap, 'personality'> = {
    listens: rows.length, minutes,
    topTracks: top(rows.map((r) => (r.title ? `${r.artist ?? 'Unknown artist'} – ${r.title}` : null))),
    topArtists, topGenres: top(rows.map((r) => r.genre)), topKeys: top(rows.map((r) => r.key), 3), medianBpm,
    discoveries: top(discovered.map((r) => r.artist)),
  };
  return { ...recap, personality: personality(rows, discovered.length, topArtists) };
}

function personality(rows: readonly RecapListen[], discoveredListens: number, topArtists: Ranked[]): Recap['personality'] {
  const n = Math.max(1, rows.length);
  const artists = new Set(rows.map((r) => r.artist?.toLowerCase()).filter(Boolean)).size;
  const night = rows.filter((r) => r.hour_utc >= 22 || r.hour_utc < 5).length / n;
  const loyal = topArtists.reduce((s, a) => s + a.count, 0) / n;
  const energies = rows.map((r) => r.energy).filter((e): e is number => e !== null);
  const energy = energies.length ? energies.reduce((s, e) => s + e, 0) / energies.length : null;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  if (!rows.length) return { name: 'Quiet period', why: 'No listens in this period.' };
  if (discoveredListens / n >= 0.3) return { name: 'The Explorer', why: `${pct(discoveredListens / n)} of your listens were artists you first heard in this period.` };
  if (loyal >= 0.5) return { name: 'The Loyalist', why: `Your top 5 artists took ${pct(loyal)} of your listens.` };
  if (night >= 0.35) return { name: 'The Night Owl', why: `${pct(night)} of your listens were between 22:00 and 05:00 (UTC).` };
  if (energy !== null && energy >= 0.65) return { name: 'The Energiser', why: `Average energy of what you played: ${energy.toFixed(2)} of 1.` };
  return { name: 'The Eclectic', why: `${artists} different artists in ${rows.length} listens, none dominating.` };
}
