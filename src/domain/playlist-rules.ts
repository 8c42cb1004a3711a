// Smart-playlist rules, pure: what a person can ask for (BPM between, key in or compatible with,
// genre, label, year, rating, play count, last played before/after, added after, energy), how it
// reads back as a sentence, and validation. src/lakehouse/queries/playlists.ts turns rules into SQL.
import { camelotCompatible, keyName, TONICS, type KeyMode, type MusicalKey } from './key';
import { musicalKey } from './playlist';

export type RangeField = 'bpm' | 'year' | 'rating' | 'play_count' | 'energy';
export type TextField = 'genre' | 'label' | 'artist';
export type DateField = 'last_played_at' | 'first_seen_at';

export type Rule =
  | { field: RangeField; op: 'between'; min: number | null; max: number | null }
  | { field: 'key'; op: 'in'; keys: string[] }
  | { field: 'key'; op: 'compatible'; key: string }
  | { field: TextField; op: 'is' | 'contains'; value: string }
  | { field: DateField; op: 'before' | 'after'; date: string } // YYYY-MM-DD
  | { field: 'last_played_at'; op: 'never' };

export type SortField = 'artist' | 'title' | 'bpm' | 'year' | 'rating' | 'play_count' | 'energy' | 'last_played_at' | 'first_seen_at' | 'random';

export interface SmartPlaylist {
  name: string;
  match: 'all' | 'any';
  rules: Rule[];
  sort: { field: SortField; dir: 'asc' | 'desc' };
  limit: number | null;
}

export const RANGE_FIELDS: readonly RangeField[] = ['bpm', 'year', 'rating', 'play_count', 'energy'];
export const SORT_FIELDS: readonly SortField[] = ['artist', 'title', 'bpm', 'year', 'rating', 'play_count', 'energy', 'last_played_at', 'first_seen_at', 'random'];

export const ALL_KEYS: string[] = (['minor', 'major'] as KeyMode[]).flatMap((mode) => TONICS.map((tonic) => keyName({ tonic, mode })));

/** Every key that mixes with `key` (same, +-1 on the wheel, relative), in the contract's notation. */
export function compatibleKeys(key: string): string[] {
  const k = musicalKey(key);
  if (!k) return [];
  return ALL_KEYS.filter((name) => camelotCompatible(k, musicalKey(name) as MusicalKey));
}

const LABEL: Record<string, string> = {
  bpm: 'BPM', year: 'year', rating: 'rating', play_count: 'play count', energy: 'energy', genre: 'genre', label: 'label', artist: 'artist',
  last_played_at: 'last played', first_seen_at: 'added',
};

export function describeRule(r: Rule): string {
  switch (r.op) {
    case 'between':
      if (r.min !== null && r.max !== null) return `${LABEL[r.field]} ${r.min}–${r.max}`;
      return r.min !== null ? `${LABEL[r.field]} ≥ ${r.min}` : `${LABEL[r.field]} ≤ ${r.max ?? '…'}`;
    case 'in':
      return `key in ${r.keys.join(', ')}`;
    case 'compatible':
      return `key compatible with ${r.key}`;
    case 'is':
      return `${LABEL[r.field]} is “${r.value}”`;
    case 'contains':
      return `${LABEL[r.field]} contains “${r.value}”`;
    case 'before':
    case 'after':
      return `${LABEL[r.field]} ${r.op} ${r.date}`;
    case 'never':
      return 'never played';
  }
}

export function describePlaylist(p: SmartPlaylist): string {
  const rules = p.rules.map(describeRule).join(p.match === 'all' ? ' and ' : ' or ') || 'every track';
  const limit = p.limit ? `, first ${p.limit}` : '';
  return `${rules}; sorted by ${p.sort.field.replace(/_/g, ' ')} ${p.sort.field === 'random' ? '' : p.sort.dir === 'asc' ? 'ascending' : 'descending'}${limit}`.replace(/ ,/g, ',');
}

/** Problems a person can fix, in words; empty when the playlist is valid. */
export function validatePlaylist(p: SmartPlaylist): string[] {
  const out: string[] = [];
  if (!p.name.trim()) out.push('Give the playlist a name.');
  if (p.limit !== null && (!Number.isInteger(p.limit) || p.limit < 1 || p.limit > 100_000)) out.push('The limit must be a whole number from 1 to 100000.');
  if (!SORT_FIELDS.includes(p.sort.field)) out.push(`Cannot sort by ${p.sort.field}.`);
  p.rules.forEach((r, i) => {
    const where = `Rule ${i + 1} (${LABEL[r.field] ?? r.field})`;
    if (r.op === 'between' && r.min === null && r.max === null) out.push(`${where}: give a minimum, a maximum or both.`);
    if (r.op === 'between' && r.min !== null && r.max !== null && r.min > r.max) out.push(`${where}: the minimum is above the maximum.`);
    if (r.op === 'in' && (!r.keys.length || r.keys.some((k) => !musicalKey(k)))) out.push(`${where}: choose keys such as “A minor” or “8A”.`);
    if (r.op === 'compatible' && !musicalKey(r.key)) out.push(`${where}: “${r.key}” is not a key (try “A minor” or “8A”).`);
    if ((r.op === 'is' || r.op === 'contains') && !r.value.trim()) out.push(`${where}: type a value.`);
    if ((r.op === 'before' || r.op === 'after') && !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) out.push(`${where}: the date must look like 2024-01-31.`);
  });
  return out;
}

/** A key typed as '8A', 'Am' or 'A minor' in the contract's notation ('A minor'), else null. */
export function canonicalKey(text: string): string | null {
  const k = musicalKey(text.trim());
  return k ? keyName(k) : null;
}
