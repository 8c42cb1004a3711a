// Box trees of the nested containers (MP4 atoms, RIFF/AIFF chunks, Matroska EBML elements): parsed
// from real bytes, edited by the builders (repeat an item, nest hundreds deep, add a 3 MB frame),
// and written back with every enclosing size recomputed, so only the intended oddity remains.
import { ascii, u32be, u32le, u8 } from './fuzz-fields';
import { concat } from './hostile';

export type TreeFormat = 'mp4' | 'riff' | 'aiff' | 'ebml';

export interface Box {
  name: string;
  at: number;
  /** Header plus any prefix before the children (a full box's version, a LIST's type). */
  head: Uint8Array;
  /** Offset and width of the size field inside `head`. */
  sizeAt: number;
  sizeWidth: number;
  end: number;
  /** null: a leaf, written back as `raw` (header, body and any pad byte). */
  children: Box[] | null;
  raw: Uint8Array;
}

const MP4_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'udta', 'ilst', 'edts', 'dinf', 'tref', 'meta', 'moof', 'traf', 'mvex']);
// Matroska master elements (hex ids) and the names reports use.
export const EBML_MASTERS: Record<string, string> = {
  '1a45dfa3': 'EBML', '18538067': 'Segment', '114d9b74': 'SeekHead', '4dbb': 'Seek', '1549a966': 'Info', '1654ae6b': 'Tracks',
  ae: 'TrackEntry', e1: 'Audio', e0: 'Video', '1f43b675': 'Cluster', a0: 'BlockGroup', '1254c367': 'Tags', '7373': 'Tag',
  '63c0': 'Targets', '67c8': 'SimpleTag', '1c53bb6b': 'Cues', bb: 'CuePoint', b7: 'CueTrackPositions', '1043a770': 'Chapters',
  '45b9': 'EditionEntry', b6: 'ChapterAtom', '80': 'ChapterDisplay', '1941a469': 'Attachments', '61a7': 'AttachedFile',
  '6d80': 'ContentEncodings', '6240': 'ContentEncoding',
};

interface Header {
  name: string;
  headBytes: number;
  sizeAt: number;
  sizeWidth: number;
  /** Declared total length (header included); Infinity for an EBML "unknown" size. */
  total: number;
  container: boolean;
}

/** EBML variable-length integer at `at`: its width and value (value -1 when all ones: unknown). */
export function vint(b: Uint8Array, at: number, maxWidth = 8): { width: number; value: number } | null {
  const first = u8(b, at);
  const width = first ? Math.clz32(first) - 23 : 9;
  if (width > maxWidth || at + width > b.length) return null;
  let value = first & (0xff >> width);
  let allOnes = value === 0xff >> width;
  for (let i = 1; i < width; i++) {
    value = value * 256 + u8(b, at + i);
    allOnes &&= u8(b, at + i) === 0xff;
  }
  return { width, value: allOnes ? -1 : value };
}

function header(format: TreeFormat, b: Uint8Array, at: number, depth: number, parent: string): Header | null {
  if (format === 'mp4') {
    if (at + 8 > b.length) return null;
    const size32 = u32be(b, at);
    const name = ascii(b, at + 4, 4);
    const extended = size32 === 1;
    const total = extended ? u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12) : size32 === 0 ? b.length - at : size32;
    const base = extended ? 16 : 8;
    // A full-box 'meta' (ISO) has version and flags before its children; QuickTime's does not.
    const prefix = name === 'meta' && u32be(b, at + base) === 0 ? 4 : 0;
    // An ilst item is a container too: it holds its 'data', 'mean' and 'name' atoms.
    return { name, headBytes: base + prefix, sizeAt: extended ? 8 : 0, sizeWidth: extended ? 8 : 4, total, container: MP4_CONTAINERS.has(name) || parent === 'ilst' };
  }
  if (format === 'riff' || format === 'aiff') {
    if (at + 8 > b.length) return null;
    const name = ascii(b, at, 4);
    const size = format === 'riff' ? u32le(b, at + 4) : u32be(b, at + 4);
    const container = depth === 0 ? name === 'RIFF' || name === 'FORM' || name === 'RF64' : name === 'LIST';
    return { name, headBytes: container ? 12 : 8, sizeAt: 4, sizeWidth: 4, total: 8 + size + (container ? 0 : size & 1), container };
  }
  const id = vint(b, at, 4);
  if (!id || id.value === -1) return null;
  const idHex = Array.from(b.subarray(at, at + id.width), (x) => x.toString(16).padStart(2, '0')).join('');
  const size = vint(b, at + id.width);
  if (!size) return null;
  const headBytes = id.width + size.width;
  return {
    name: EBML_MASTERS[idHex] ?? idHex, headBytes, sizeAt: id.width, sizeWidth: size.width,
    total: size.value === -1 ? Infinity : headBytes + size.value, container: idHex in EBML_MASTERS,
  };
}

/** The boxes between `from` and `to`; bytes that do not parse become one leaf named '?'. */
export function parseTree(format: TreeFormat, b: Uint8Array, from = 0, to = b.length, depth = 0, parent = ''): Box[] {
  const boxes: Box[] = [];
  let at = from;
  while (at < to) {
    const h = header(format, b, at, depth, parent);
    if (!h || h.total < h.headBytes || (h.total !== Infinity && at + h.total > to && depth > 0) || depth > 64) break;
    const end = Math.min(to, at + h.total);
    const children = h.container ? parseTree(format, b, at + h.headBytes, end, depth + 1, h.name) : null;
    boxes.push({ name: h.name, at, head: b.subarray(at, at + h.headBytes), sizeAt: h.sizeAt, sizeWidth: h.sizeWidth, end, children, raw: b.subarray(at, end) });
    at = end;
  }
  if (at < to) boxes.push({ name: '?', at, head: new Uint8Array(0), sizeAt: 0, sizeWidth: 0, end: to, children: null, raw: b.subarray(at, to) });
  return boxes;
}

/** Every box of a tree, depth first, with its parent chain. */
export function* walk(boxes: Box[], parents: Box[] = []): Generator<{ box: Box; parents: Box[] }> {
  for (const box of boxes) {
    yield { box, parents };
    if (box.children) yield* walk(box.children, [...parents, box]);
  }
}

/** Writes boxes back; each container's size is recomputed from what it now holds. */
export function serialize(format: TreeFormat, boxes: Box[]): Uint8Array<ArrayBuffer> {
  return concat(...boxes.map((box) => (box.children ? withSize(format, box, serialize(format, box.children)) : box.raw)));
}

function withSize(format: TreeFormat, box: Box, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const head = box.head.slice();
  if (format === 'mp4') {
    const total = head.length + body.length;
    if (box.sizeWidth === 8) new DataView(head.buffer).setBigUint64(8, BigInt(total));
    else new DataView(head.buffer).setUint32(0, total);
    return concat(head, body);
  }
  if (format === 'riff' || format === 'aiff') {
    new DataView(head.buffer).setUint32(4, head.length - 8 + body.length, format === 'riff');
    return concat(head, body);
  }
  const size = vint(head, box.sizeAt);
  if (size?.value === -1 || size?.value === body.length + head.length - box.sizeAt - box.sizeWidth) return concat(head, body);
  // A changed size is written as an 8-byte vint: wide enough for anything a builder makes.
  const sized = new Uint8Array(8);
  sized[0] = 0x01;
  let v = body.length + head.length - box.sizeAt - box.sizeWidth;
  for (let i = 7; i >= 1; i--, v = Math.floor(v / 256)) sized[i] = v % 256;
  return concat(head.subarray(0, box.sizeAt), sized, head.subarray(box.sizeAt + box.sizeWidth), body);
}

/** A new leaf or container from bytes the builder made. */
export function boxOf(format: TreeFormat, bytes: Uint8Array, name: string): Box {
  const [box] = parseTree(format, bytes, 0, bytes.length, format === 'riff' || format === 'aiff' ? 1 : 0);
  return box ?? { name, at: 0, head: new Uint8Array(0), sizeAt: 0, sizeWidth: 0, end: bytes.length, children: null, raw: bytes };
}
