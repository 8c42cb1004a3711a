// The fuzz generator (issue 16): real files of every supported container, each mutated one way
// chosen by a fixed seed: bit flips, cuts and splices, a length/count/offset field set to 0, its
// maximum or one off (structure-aware), or a structural oddity (an item 1,000 times, chained
// tags, a size pointing at itself or its parent, nesting hundreds deep, sizes claiming
// gigabytes, a real 3 MB frame). (seed, index) always gives the same bytes, so a report's
// numbers regenerate any finding. Shared by tests/bench/fuzz.ts and the CI property test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asfBuilders, fixOggCrc, oggBuilders } from './fuzz-build-streams';
import { dsfBuilders, id3ChunkBuilders, treeBuilders } from './fuzz-build-containers';
import { apeBuilders, flacBuilders, id3Builders, type Built, type Family } from './fuzz-build-tags';
import { asfFields, dsfFields, ebmlFields, flacFields, iffFields, macFields, mp4Fields, mpcFields, oggFields, wavpackFields } from './fuzz-container-fields';
import { ascii, FieldList, indexOf, setField, type Field, type FieldValue } from './fuzz-fields';
import { rng, type Rng } from './fuzz-random';
import { apeFields, apeTag, id3v1Fields, id3v2At, id3v2Fields } from './fuzz-tag-fields';
import { mutate, type Mutation } from './hostile';

/** Source files under the corpus's tags/ folder, by the container the report counts them as. */
export const FUZZ_SOURCES: Record<string, string[]> = {
  'mp3 id3v1': ['music-metadata/id3v1_Blood_Sugar.mp3', 'music-metadata/Luomo - Tessio (Spektre Remix) ID3v10.mp3'],
  'mp3 id3v2.2': ['music-metadata/id3v2.2.mp3'],
  'mp3 id3v2.3': ['music-metadata/id3v2.3.mp3', 'music-metadata/mp3/chapters.mp3', 'music-metadata/mp3/tcon.mp3'],
  'mp3 id3v2.4': ['beets/full.mp3', 'music-metadata/mp3/pr-544-id3v24.mp3', 'music-metadata/id3v2-xheader.mp3'],
  'mp3 ape': ['music-metadata/mp3/issue-362.apev1.mp3', 'music-metadata/mp3/APEv2+Lyrics3v2.mp3'],
  flac: ['beets/full.flac', 'music-metadata/flac-multiple-album-artists-tags.flac', 'music-metadata/flac/Lavf.flac'],
  'ogg vorbis': ['beets/full.ogg', 'music-metadata/ogg/audio.vorbis.ogg'],
  'ogg opus': ['beets/full.opus', 'music-metadata/rating/testcase.opus'],
  m4a: ['beets/full.m4a', 'beets/full.alac.m4a', 'music-metadata/mp4/pr-544.m4a'],
  mp4: ['music-metadata/mp4/issue-744.mp4', 'music-metadata/mp4/issue-2672.m4b'],
  wav: ['music-metadata/issue_75.wav', 'music-metadata/wav/issue-819.wav', 'music-metadata/riff_adobe_audition.wav'],
  aiff: ['beets/full.aiff', 'music-metadata/aiff/M1F1-int8-AFsp.aif'],
  'wma/asf': ['beets/full.wma', 'music-metadata/asf/asf.wma'],
  wavpack: ['beets/full.wv'],
  mpc: ['beets/full.mpc', 'music-metadata/mpc/apev2-no-header.sv7.mpc'],
  ape: ['beets/full.ape'],
  dsf: ['beets/full.dsf'],
  matroska: ['music-metadata/matroska/02 - Poxfil - Solid Ground (5 sec).mka'],
  webm: ['music-metadata/matroska/My Baby Boy.webm', 'music-metadata/matroska/02 - Poxfil - Solid Ground (5 sec).opus.webm'],
};

export interface Source {
  container: string;
  name: string;
  bytes: Uint8Array;
}

export interface FuzzCase {
  index: number;
  path: string;
  container: string;
  source: string;
  /** The kind of mutation ('flip', 'field', 'repeat', ...) and exactly what was done. */
  family: string;
  what: string;
  bytes: Uint8Array;
}

export function loadSources(tagsDir: string): Source[] {
  return Object.entries(FUZZ_SOURCES).flatMap(([container, names]) => names.map((name) => ({ container, name, bytes: new Uint8Array(readFileSync(join(tagsDir, name))) })));
}

// Weights of the mutation families: field edits and flips most, the costly structural ones less.
const FAMILIES: [string, number][] = [
  ['flip', 15], ['truncate', 9], ['splice', 9], ['field', 30], ['stack', 4],
  ['repeat', 8], ['chain', 3], ['self-ref', 7], ['nest', 6], ['huge-claim', 7], ['huge-real', 2],
];
const VALUES: [FieldValue, number][] = [['zero', 34], ['max', 34], ['almost-max', 5], ['plus-one', 8], ['minus-one', 8], ['double', 6], ['one', 5]];

function weighted<T>(r: Rng, table: [T, number][]): T {
  let x = r.next() * table.reduce((n, [, w]) => n + w, 0);
  for (const [item, w] of table) if ((x -= w) < 0) return item;
  return table[0]![0];
}

/** Every length, count and offset field the walkers find in `b`. */
export function fieldsOf(b: Uint8Array): Field[] {
  const list = new FieldList(b.length);
  const tag = id3v2At(b, 0);
  if (tag) id3v2Fields(b, list, tag);
  const at = tag?.end ?? 0;
  const magic = ascii(b, at, 4);
  if (magic === 'fLaC') flacFields(b, list, at);
  else if (ascii(b, 4, 4) === 'ftyp') mp4Fields(b, list);
  else if (magic === 'RIFF' || magic === 'RF64') iffFields(b, list, 'riff');
  else if (magic === 'FORM') iffFields(b, list, 'aiff');
  else if (magic === 'OggS') oggFields(b, list);
  else if (magic === '\x30\x26\xb2\x75') asfFields(b, list);
  else if (magic === '\x1a\x45\xdf\xa3') ebmlFields(b, list);
  else if (magic === 'DSD ') dsfFields(b, list);
  else if (magic === 'MAC ') macFields(b, list, at);
  else if (magic.startsWith('MP+') || magic === 'MPCK') mpcFields(b, list, at);
  if (indexOf(b.subarray(0, 1 << 16), 'wvpk') >= 0) wavpackFields(b, list);
  const ape = apeTag(b);
  if (ape) apeFields(b, list, ape);
  id3v1Fields(b, list);
  return list.fields;
}

const isOgg = (b: Uint8Array) => ascii(b, 0, 4) === 'OggS';

function generic(b: Uint8Array, r: Rng, kind: 'flip' | 'truncate' | 'splice'): Built {
  const at = () => r.int(0, 1_000_000);
  if (kind === 'truncate') return { bytes: mutate(b, { kind: 'truncate', at: at() }) as Uint8Array<ArrayBuffer>, what: 'cut short' };
  if (kind === 'splice') {
    const m: Mutation = r.pick<Mutation>([
      { kind: 'overwrite', at: at(), bytes: r.bytes(r.int(1, 64)) },
      { kind: 'delete', at: at(), length: r.int(1, 4096) },
      { kind: 'insert', at: at(), bytes: r.bytes(r.int(1, 64)) },
    ]);
    return { bytes: mutate(b, m) as Uint8Array<ArrayBuffer>, what: m.kind };
  }
  const flips = r.int(1, 8);
  let out: Uint8Array = b;
  for (let i = 0; i < flips; i++) out = mutate(out, { kind: 'flip', at: at(), bit: r.int(0, 7) });
  // Half the Ogg flips get their page checksums fixed, so the flip reaches the parser behind them.
  const crc = isOgg(b) && r.chance(0.5);
  return { bytes: crc ? fixOggCrc(out.slice()) : (out as Uint8Array<ArrayBuffer>), what: `${flips} bit${flips > 1 ? 's' : ''} flipped${crc ? ', page CRCs fixed' : ''}` };
}

function field(b: Uint8Array, r: Rng): Built | null {
  const fields = fieldsOf(b);
  if (!fields.length) return null;
  const f = r.pick(fields);
  const value = weighted(r, VALUES);
  const out = setField(b, f, value);
  return { bytes: isOgg(b) && r.chance(0.7) ? fixOggCrc(out) : out, what: `${f.name} (${f.role}) = ${value}` };
}

function structural(source: Source, b: Uint8Array, r: Rng, family: Family): Built | null {
  const c = source.container;
  const byContainer = (): Built | null => {
    if (c === 'flac') return flacBuilders(b, r, family);
    if (c.startsWith('ogg')) return oggBuilders(b, r, family);
    if (c === 'm4a' || c === 'mp4') return treeBuilders('mp4', b, r, family);
    if (c === 'wav' || c === 'aiff') {
      const format = c === 'wav' ? 'riff' : 'aiff';
      return (r.chance(0.3) && id3ChunkBuilders(format, b, r, family)) || treeBuilders(format, b, r, family) || id3ChunkBuilders(format, b, r, family);
    }
    if (c === 'matroska' || c === 'webm') return treeBuilders('ebml', b, r, family);
    if (c === 'wma/asf') return asfBuilders(b, r, family);
    if (c === 'dsf') return dsfBuilders(b, r, family) ?? id3Builders(b, r, family);
    if (c === 'wavpack' || c === 'mpc' || c === 'ape' || (c === 'mp3 ape' && r.chance(0.5))) return apeBuilders(b, r, family);
    return null;
  };
  // Where the container has no such structure, an ID3v2 tag takes the oddity instead: MP3s and
  // DSFs hold one, and real FLAC files sometimes carry one in front. Others fall back to a field edit.
  return byContainer() ?? (c.startsWith('mp3') || c === 'flac' ? id3Builders(b, r, family) : null);
}

/** The file number `index` of the run of `seed`: deterministic in both. */
export function fuzzCase(sources: Source[], seed: number, index: number, root: string): FuzzCase {
  const r = rng(seed, index);
  const containers = [...new Set(sources.map((s) => s.container))];
  // Containers take turns, so each gets an equal share whatever its number of source files.
  const container = containers[index % containers.length]!;
  const source = r.pick(sources.filter((s) => s.container === container));
  let family = weighted(r, FAMILIES);
  let built: Built | null;
  if (family === 'flip' || family === 'truncate' || family === 'splice') built = generic(source.bytes, r, family);
  else if (family === 'field') built = field(source.bytes, r);
  else if (family === 'stack') {
    let bytes = source.bytes;
    const steps: string[] = [];
    for (let i = r.int(2, 3); i > 0; i--) {
      const step = (r.chance(0.5) && field(bytes, r)) || generic(bytes, r, r.pick(['flip', 'truncate', 'splice'] as const));
      bytes = step.bytes;
      steps.push(step.what);
    }
    built = { bytes: bytes as Uint8Array<ArrayBuffer>, what: steps.join('; ') };
  } else built = structural(source, source.bytes, r, family as Family);
  // A family that does not apply to this file (no such structure) falls back to a field edit, then a flip.
  if (!built) [family, built] = ['field', field(source.bytes, r)];
  if (!built) [family, built] = ['flip', generic(source.bytes, r, 'flip')];
  const ext = source.name.slice(source.name.lastIndexOf('.'));
  const path = `${root}/${String(index).padStart(6, '0')} ${container.replace('/', '-')} ${family}${ext}`;
  return { index, path, container, source: source.name, family, what: built.what, bytes: built.bytes };
}

/** Files `first` .. `first + count - 1` of the run of `seed`, under the folder `root`. */
export function fuzzFolder(sources: Source[], seed: number, first: number, count: number, root: string): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => fuzzCase(sources, seed, first + i, root));
}
