// Track attributes as discrete facet values for the recommender: BPM in 4-BPM bands, era as the
// early/mid/late part of a decade, energy in three bands, plus key, genre, label, timbre cluster.
// A criterion (some facets with values) has a stable text key and reads as a search phrase.

export type FacetName = 'key' | 'tempo' | 'era' | 'genre' | 'label' | 'energy' | 'timbre' | 'artist';
export type Facets = Partial<Record<FacetName, string | null>>;
export type Criterion = Partial<Record<FacetName, string>>;

/** 4-BPM bands, e.g. 127.4 -> '124-128'. Tempos are folded into 90..180 (half/double time is one feel). */
export function bpmBand(bpm: number | null | undefined): string | null {
  if (!bpm || !Number.isFinite(bpm) || bpm <= 0) return null;
  let b = bpm;
  while (b < 90) b *= 2;
  while (b >= 180) b /= 2;
  const lo = Math.floor(b / 4) * 4;
  return `${lo}-${lo + 4}`;
}

export function eraOf(year: number | null | undefined): string | null {
  if (!year || year < 1900 || year > 2100) return null;
  const decade = Math.floor(year / 10) * 10;
  const part = year % 10 <= 3 ? 'early' : year % 10 <= 6 ? 'mid' : 'late';
  return `${part} ${decade}s`;
}

export function energyBand(energy: number | null | undefined): string | null {
  if (energy === null || energy === undefined || !Number.isFinite(energy)) return null;
  return energy < 0.4 ? 'low' : energy < 0.7 ? 'medium' : 'high';
}

export function facetsOf(t: { key?: string | null; bpm?: number | null; year?: number | null; genre?: string | null; label?: string | null; energy?: number | null; timbre?: number | null }): Facets {
  return {
    key: t.key ?? null, tempo: bpmBand(t.bpm), era: eraOf(t.year), genre: t.genre ?? null, label: t.label ?? null,
    energy: energyBand(t.energy), timbre: t.timbre === null || t.timbre === undefined ? null : String(t.timbre + 1),
  };
}

const ORDER: FacetName[] = ['artist', 'energy', 'era', 'genre', 'key', 'label', 'tempo', 'timbre'];

/** 'era=early 2010s|key=G minor|tempo=126-130': facets in name order, so equal criteria have equal keys. */
export function criterionKey(c: Criterion): string {
  return ORDER.filter((f) => c[f] !== undefined).map((f) => `${f}=${String(c[f]).replace(/[|=]/g, '/')}`).join('|');
}

export function parseCriterionKey(key: string): Criterion {
  const c: Criterion = {};
  for (const part of key.split('|')) {
    const at = part.indexOf('=');
    c[part.slice(0, at) as FacetName] = part.slice(at + 1);
  }
  return c;
}

/** The one cell of exactly these facets a listen or track falls in; null when one is unknown. */
export function cellOf(f: Facets, facets: readonly FacetName[]): string | null {
  const c: Criterion = {};
  for (const name of facets) {
    const v = f[name];
    if (v === null || v === undefined || v === '') return null;
    c[name] = v;
  }
  return criterionKey(c);
}

/** 'G minor tracks at 126-130 BPM from the early 2010s'. */
export function describeCriterion(c: Criterion): string {
  const parts: string[] = [];
  if (c.energy) parts.push(`${c.energy}-energy`);
  if (c.genre) parts.push(c.genre);
  if (c.key) parts.push(c.key);
  let s = `${parts.join(' ')} tracks`.trim();
  if (c.artist) s += ` by ${c.artist}`;
  if (c.tempo) s += ` at ${c.tempo} BPM`;
  if (c.timbre) s += ` in timbre group ${c.timbre}`;
  if (c.label) s += ` on ${c.label}`;
  if (c.era) s += ` from the ${c.era}`;
  return s === 'tracks' ? 'any tracks' : s;
}
