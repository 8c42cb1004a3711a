// A generated listening history for the figures tests (issue 15, "one definition per figure"): a
// Spotify extended-history export written from a list of listens, and the figures those listens
// must give, computed here from the list alone (a play is 30 s or more and not marked skipped; a
// placeholder date counts all time but in no period; a listen outside the library keeps the
// history's names), so the tests compare the app's numbers with numbers it did not make.

export interface Listen {
  /** When the listen began, ISO UTC; before 2002 is a placeholder date (Spotify writes 1970 for unknown). */
  start: string;
  msPlayed: number;
  artist: string;
  title: string;
  skipped?: boolean;
}

/** What a listen was of, as the library sees it: its track (key, artist, name as the top lists say it), or null when not in the library. */
export type Heard = { key: string; artist: string; name: string } | null;

/** Spotify stamps a listen's end: ts is the start plus the time played. */
export function spotifyExtended(listens: readonly Listen[]): string {
  return JSON.stringify(listens.map((l) => ({
    ts: new Date(Date.parse(l.start) + l.msPlayed).toISOString().replace('.000Z', 'Z'), platform: 'test', ms_played: l.msPlayed, conn_country: 'ZZ',
    master_metadata_track_name: l.title, master_metadata_album_artist_name: l.artist, master_metadata_album_album_name: 'Generated',
    spotify_track_uri: `spotify:track:${encodeURIComponent(`${l.artist}-${l.title}`)}`, reason_start: 'clickrow',
    reason_end: l.skipped || l.msPlayed < 30_000 ? 'fwdbtn' : 'trackdone', shuffle: false, skipped: l.skipped ?? false, offline: false,
  })), null, 1);
}

export const isPlay = (l: Listen) => !l.skipped && l.msPlayed >= 30_000;
export const isDated = (l: Listen) => Date.parse(l.start) >= Date.UTC(2002, 0, 1);
const dayOf = (l: Listen) => l.start.slice(0, 10);

export interface Figures {
  plays: number;
  skips: number;
  /** Time listened, skips included. */
  ms: number;
  /** Plays per heard thing, by the name the top lists give it. */
  tracks: Map<string, number>;
  artists: Map<string, number>;
}

/** The figures of the dated listens from `from` to `to` (inclusive dates; null = open). */
export function periodFigures(listens: readonly Listen[], heard: (l: Listen) => Heard, from: string | null, to: string | null): Figures {
  const f: Figures = { plays: 0, skips: 0, ms: 0, tracks: new Map(), artists: new Map() };
  for (const l of listens) {
    if (!isDated(l) || (from && dayOf(l) < from) || (to && dayOf(l) > to)) continue;
    f.ms += l.msPlayed;
    if (!isPlay(l)) {
      f.skips++;
      continue;
    }
    f.plays++;
    const h = heard(l);
    const name = h ? h.name : `${l.artist} – ${l.title} (not in library)`;
    f.tracks.set(name, (f.tracks.get(name) ?? 0) + 1);
    const artist = h ? h.artist : l.artist;
    f.artists.set(artist, (f.artists.get(artist) ?? 0) + 1);
  }
  return f;
}

/** All-time plays and skips per library track key, dated or not (before other players' counters). */
export function allTimeByTrack(listens: readonly Listen[], heard: (l: Listen) => Heard): Map<string, { plays: number; skips: number }> {
  const out = new Map<string, { plays: number; skips: number }>();
  for (const l of listens) {
    const h = heard(l);
    if (!h) continue;
    const c = out.get(h.key) ?? { plays: 0, skips: 0 };
    if (isPlay(l)) c.plays++;
    else c.skips++;
    out.set(h.key, c);
  }
  return out;
}

/** The n largest, ties by name in code-point order (as DuckDB and the recap order them). */
export function topOf(m: Map<string, number>, n: number): { name: string; count: number }[] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n).map(([name, count]) => ({ name, count }));
}
