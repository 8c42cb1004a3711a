// The track table's columns and its search.
import { formatDuration } from '../../../domain/format-number';
import type { LibraryTrack } from '../../../app/reads/library';
import type { Column } from '../../components/DataTable';
import { TableRating } from '../../components/TableRating';

const fixed = (n: number | null, digits: number) => (n == null ? '' : n.toFixed(digits));

export const TRACK_COLUMNS: Column<LibraryTrack>[] = [
  { key: 'artist', label: 'Artist', width: 'minmax(140px, 1.2fr)', sortKey: 'artist_sort' },
  { key: 'title', label: 'Title', width: 'minmax(160px, 1.5fr)' },
  { key: 'rating', label: 'Rating', width: '116px', numeric: true, render: (t) => <TableRating trackId={t.track_id} title={t.title ?? t.path} rating={t.rating} /> },
  { key: 'play_count', label: 'Plays', width: '64px', numeric: true }, // all time, gold.track_facts (the dashboards' and recap's one figure)
  { key: 'album', label: 'Album', width: 'minmax(120px, 1fr)' },
  { key: 'album_artist', label: 'Album artist', width: '130px' },
  { key: 'genre', label: 'Genre', width: '110px' },
  { key: 'label', label: 'Label', width: '110px' },
  { key: 'year', label: 'Year', width: '60px', numeric: true },
  { key: 'duration_s', label: 'Duration', width: '76px', numeric: true, format: (t) => formatDuration(t.duration_s) },
  { key: 'bpm', label: 'BPM', width: '64px', numeric: true, format: (t) => fixed(t.bpm, 1) },
  { key: 'key', label: 'Key', width: '96px', format: (t) => (t.key ? `${t.key}${t.camelot ? ` (${t.camelot})` : ''}` : '') },
  { key: 'loudness_lufs', label: 'Loudness (LUFS)', width: '110px', numeric: true, format: (t) => fixed(t.loudness_lufs, 1) },
  { key: 'energy', label: 'Energy', width: '70px', numeric: true, format: (t) => fixed(t.energy, 2) },
  { key: 'danceability', label: 'Dance', width: '70px', numeric: true, format: (t) => fixed(t.danceability, 2) },
  { key: 'format', label: 'Format', width: '64px' },
  { key: 'codec', label: 'Codec', width: '120px' },
  { key: 'sample_rate_hz', label: 'Rate (Hz)', width: '84px', numeric: true },
  { key: 'bitrate_kbps', label: 'Bitrate (kbps)', width: '100px', numeric: true, format: (t) => (t.bitrate_kbps == null ? '' : String(Math.round(t.bitrate_kbps))) },
  { key: 'path', label: 'Path', width: 'minmax(200px, 2fr)' },
];

const SEARCHED: (keyof LibraryTrack)[] = ['artist', 'title', 'album', 'album_artist', 'genre', 'label', 'path', 'key', 'camelot'];

/** Every word must appear in one of the searched columns (case- and accent-insensitive). */
export function filterTracks(tracks: LibraryTrack[], query: string): LibraryTrack[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return tracks;
  return tracks.filter((t) => {
    const haystack = fold(SEARCHED.map((k) => t[k] ?? '').join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
