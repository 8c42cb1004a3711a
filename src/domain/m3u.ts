// Playlist files, pure: extended M3U8 (UTF-8, #EXTM3U, #EXTINF:<seconds>,<artist> - <title>) and
// CSV. Library paths start with the chosen folder's name ('Music/Orchestra/a.ogg'); an M3U saved
// in that folder resolves entries relative to itself, so that first segment is dropped.

export interface M3uEntry {
  path: string; // as in gold.track_facts: '/'-separated, chosen folder's name first
  artist: string | null;
  title: string | null;
  durationS: number | null;
}

export interface M3uOptions {
  /** Absolute root the person typed (e.g. 'D:\\Music' or '/home/me/Music'); omitted -> relative paths. */
  absoluteRoot?: string;
}

/** The entry's path relative to the library folder: the chosen folder's own name removed. */
export function relativeToLibrary(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length > 1 ? parts.slice(1).join('/') : parts.join('/');
}

/** Joins a typed root and a relative path in the root's own separator style (Windows roots keep '\'). */
export function absolutePath(root: string, relative: string): string {
  const windows = /^[a-z]:[\\/]|^\\\\/i.test(root) || (root.includes('\\') && !root.includes('/'));
  const sep = windows ? '\\' : '/';
  const trimmed = root.replace(/[\\/]+$/, '');
  return `${trimmed}${sep}${windows ? relative.replace(/\//g, '\\') : relative}`;
}

// A line break inside a tag would start a new M3U line and corrupt the file.
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function toM3u(entries: readonly M3uEntry[], options: M3uOptions = {}): string {
  const lines = ['#EXTM3U'];
  for (const e of entries) {
    const seconds = e.durationS !== null && Number.isFinite(e.durationS) ? Math.round(e.durationS) : -1; // -1: length unknown (the M3U convention)
    const label = [e.artist, e.title].map((x) => oneLine(x ?? '')).filter(Boolean).join(' - ') || relativeToLibrary(e.path);
    const rel = relativeToLibrary(e.path);
    lines.push(`#EXTINF:${seconds},${label}`, options.absoluteRoot ? absolutePath(options.absoluteRoot.trim(), rel) : rel);
  }
  return lines.join('\n') + '\n';
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A safe download name from a playlist title. */
export function playlistFileName(title: string, ext: 'm3u8' | 'csv'): string {
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim() || 'playlist';
  return `${base}.${ext}`;
}
