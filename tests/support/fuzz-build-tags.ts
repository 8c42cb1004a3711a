// Structural mutations of tags (ID3v2, APEv2, FLAC metadata and its Vorbis comments): the same
// item 1,000 times, chained tags, chapters nested hundreds deep, a frame claiming gigabytes and a
// real 3 MB frame. Every enclosing length is rewritten, so the file is consistent except for the
// one oddity the parsers must survive.
import { u24be, u32le, u64le, u8 } from './fuzz-fields';
import type { Rng } from './fuzz-random';
import { apeTag, id3v2At, type Id3Tag } from './fuzz-tag-fields';
import { concat } from './hostile';

export interface Built {
  bytes: Uint8Array<ArrayBuffer>;
  /** What was done, for the report: 'id3v2 TIT2 x1000'. */
  what: string;
}

/** Repeating a large item stops at this many bytes: a 100 KB picture 1,000 times is not the point. */
export const REPEAT_BUDGET = 4 * 1024 * 1024;
export const HUGE_REAL_BYTES = 3 * 1024 * 1024;
export const timesWithin = (itemBytes: number, wanted: number) => Math.max(2, Math.min(wanted, Math.floor(REPEAT_BUDGET / Math.max(1, itemBytes))));

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const u32beBytes = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u32leBytes = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
const syncsafeBytes = (n: number) => Uint8Array.of((n >>> 21) & 0x7f, (n >>> 14) & 0x7f, (n >>> 7) & 0x7f, n & 0x7f);

/** One ID3v2 frame of `version` (2, 3 or 4); `claimed` overrides the size its header states. */
export function id3Frame(version: number, id: string, body: Uint8Array, claimed = body.length): Uint8Array<ArrayBuffer> {
  if (version === 2) return concat(latin1(id.slice(0, 3)), Uint8Array.of((claimed >>> 16) & 0xff, (claimed >>> 8) & 0xff, claimed & 0xff), body);
  return concat(latin1(id), version === 3 ? u32beBytes(claimed) : syncsafeBytes(Math.min(claimed, 0x0fffffff)), new Uint8Array(2), body);
}

const textFrame = (version: number, text: string) => id3Frame(version, version === 2 ? 'TT2' : 'TIT2', concat(Uint8Array.of(0), latin1(text)));

/** The tag rewritten with `frames`, its size recomputed (or `claimedSize`); padding and footer dropped. */
function rebuildId3(b: Uint8Array, tag: Id3Tag, frames: Uint8Array[], claimedSize?: number): Uint8Array<ArrayBuffer> {
  const head = b.slice(tag.at, tag.framesAt);
  head[5]! &= ~0x10;
  const body = concat(...frames);
  head.set(syncsafeBytes(Math.min(claimedSize ?? head.length - 10 + body.length, 0x0fffffff)), 6);
  return fixDsfSize(concat(b.subarray(0, tag.at), head, body, b.subarray(tag.end)));
}

/** A DSF's header states the file's size; keep it true when its ID3 tag (at the end) changes. */
function fixDsfSize(b: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  if (b.length >= 28 && String.fromCharCode(...b.subarray(0, 4)) === 'DSD ') new DataView(b.buffer).setBigUint64(12, BigInt(b.length), true);
  return b;
}

/** The file's ID3v2 tag: at the start, or where a DSF points; else a new empty v2.3 tag in front. */
function id3Of(b: Uint8Array): { b: Uint8Array; tag: Id3Tag } {
  const dsf = b.length >= 28 && String.fromCharCode(...b.subarray(0, 4)) === 'DSD ' ? id3v2At(b, u64le(b, 20)) : null;
  const tag = dsf ?? id3v2At(b, 0);
  if (tag) return { b, tag };
  const fresh = concat(Uint8Array.of(0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0), b);
  return { b: fresh, tag: id3v2At(fresh, 0)! };
}

const frameBytes = (b: Uint8Array, tag: Id3Tag) => tag.frames.map((f) => b.subarray(f.at, f.end));

export function id3Builders(source: Uint8Array, r: Rng, family: Family): Built | null {
  const { b, tag } = id3Of(source);
  const frames = frameBytes(b, tag);
  const v = tag.version;
  switch (family) {
    case 'repeat': {
      const i = frames.length ? Math.max(0, tag.frames.findIndex((f) => f.id.startsWith('T'))) : -1;
      const frame = i >= 0 ? frames[i]! : textFrame(v, 'repeated');
      const n = timesWithin(frame.length, 1000);
      const copies: Uint8Array[] = Array.from({ length: n }, () => frame);
      return { bytes: rebuildId3(b, tag, i >= 0 ? [...frames.slice(0, i), ...copies, ...frames.slice(i + 1)] : copies), what: `id3v2.${v} ${tag.frames[i]?.id ?? 'TIT2'} x${n}` };
    }
    case 'chain': {
      const whole = b.subarray(tag.at, tag.end);
      const n = timesWithin(whole.length, r.pick([2, 10, 1000]));
      return { bytes: fixDsfSize(concat(b.subarray(0, tag.at), ...Array.from({ length: n }, () => whole), b.subarray(tag.end))), what: `id3v2.${v} tag chained x${n}` };
    }
    case 'nest': {
      if (v === 2) return null;
      const depth = r.pick([100, 300, 1000]);
      let inner = textFrame(v, 'deepest chapter');
      // Inside out: each chapter holds the next; all share one element id, so each also names itself.
      const id = r.chance(0.5) ? 'self' : null;
      for (let d = depth; d > 0; d--) inner = id3Frame(v, 'CHAP', concat(latin1(`${id ?? `ch${d}`}\0`), new Uint8Array(16), inner));
      return { bytes: rebuildId3(b, tag, [...frames, inner]), what: `id3v2.${v} CHAP nested ${depth} deep${id ? ', one element id' : ''}` };
    }
    case 'self-ref': {
      if (v === 2) return null;
      // A table of contents whose only entry is itself, and a chapter holding that table.
      const toc = id3Frame(v, 'CTOC', concat(latin1('toc\0'), Uint8Array.of(3, 1), latin1('toc\0'), textFrame(v, 'loop')));
      const chap = id3Frame(v, 'CHAP', concat(latin1('toc\0'), new Uint8Array(16), toc));
      return { bytes: rebuildId3(b, tag, [...frames, toc, chap]), what: `id3v2.${v} CTOC listing itself` };
    }
    case 'huge-claim': {
      const claim = v === 3 ? r.pick([0xfffffff0, 0x7fffffff]) : v === 2 ? 0xffffff : 0x0fffffff;
      const frame = id3Frame(v, r.pick(v === 2 ? ['TT2', 'PIC'] : ['PRIV', 'TXXX', 'APIC']), Uint8Array.of(0, 0x61, 0x62, 0x63), claim);
      return { bytes: rebuildId3(b, tag, [frame, ...frames], r.chance(0.5) ? 0x0fffffff : undefined), what: `id3v2.${v} frame claiming ${claim} bytes` };
    }
    case 'huge-real': {
      const id = r.pick(v === 2 ? ['TXX', 'PIC'] : ['PRIV', 'TXXX', 'APIC', 'COMM']);
      const body = new Uint8Array(HUGE_REAL_BYTES).fill(0x41);
      body.set(id.startsWith('T') || id === 'COMM' ? Uint8Array.of(0) : latin1('image/jpeg\0\x03\0'));
      return { bytes: rebuildId3(b, tag, [...frames, id3Frame(v, id, body)]), what: `id3v2.${v} ${id} of 3 MB` };
    }
  }
}

export type Family = 'repeat' | 'chain' | 'nest' | 'self-ref' | 'huge-claim' | 'huge-real';

function apeItem(key: string, value: Uint8Array, flags = 0, claimed = value.length): Uint8Array<ArrayBuffer> {
  return concat(u32leBytes(claimed), u32leBytes(flags), latin1(`${key}\0`), value);
}

function apeFooter(items: Uint8Array, count: number, header: boolean, claimedSize = items.length + 32): Uint8Array<ArrayBuffer> {
  const part = (isHeader: boolean) => concat(latin1('APETAGEX'), u32leBytes(2000), u32leBytes(claimedSize), u32leBytes(count), u32leBytes((isHeader ? 0x20000000 : 0) | 0x80000000), new Uint8Array(8));
  return header ? concat(part(true), items, part(false)) : concat(items, part(false));
}

export function apeBuilders(b: Uint8Array, r: Rng, family: Family): Built | null {
  const tag = apeTag(b);
  if (!tag || tag.itemsAt < 0) return null;
  const hasHeader = tag.itemsAt >= 32 && String.fromCharCode(...b.subarray(tag.itemsAt - 32, tag.itemsAt - 24)) === 'APETAGEX';
  const start = hasHeader ? tag.itemsAt - 32 : tag.itemsAt;
  const items = tag.items.map((i) => b.subarray(i.at, i.end));
  const rebuilt = (list: Uint8Array[], what: string, claimedSize?: number) => ({
    bytes: concat(b.subarray(0, start), apeFooter(concat(...list), list.length, hasHeader, claimedSize), b.subarray(tag.footerAt + 32)), what,
  });
  switch (family) {
    case 'repeat': {
      const item = items[0] ?? apeItem('Title', latin1('repeated'));
      const n = timesWithin(item.length, 1000);
      return rebuilt([...Array.from({ length: n }, () => item), ...items.slice(1)], `apev2 item x${n}`);
    }
    case 'self-ref':
      // The tag's size reaches back to the first byte of the file (or before it).
      return rebuilt(items, 'apev2 size reaching the start of the file', start + 32 + items.reduce((n, i) => n + i.length, 0) + r.int(0, 64));
    case 'huge-claim':
      return rebuilt([...items, apeItem('Comment', latin1('short'), 0, r.pick([0xfffffff0, 0x7fffffff]))], 'apev2 item claiming gigabytes');
    case 'huge-real':
      return rebuilt([...items, apeItem(r.pick(['Cover Art (Front)', 'Comment']), new Uint8Array(HUGE_REAL_BYTES).fill(0x42), 2)], 'apev2 item of 3 MB');
    default:
      return null;
  }
}

interface FlacBlock {
  at: number;
  type: number;
  end: number;
}

function flacBlocks(b: Uint8Array): { start: number; blocks: FlacBlock[]; audioAt: number } | null {
  const start = id3v2At(b, 0)?.end ?? 0;
  if (String.fromCharCode(...b.subarray(start, start + 4)) !== 'fLaC') return null;
  const blocks: FlacBlock[] = [];
  let at = start + 4;
  while (at + 4 <= b.length) {
    const end = at + 4 + u24be(b, at + 1);
    blocks.push({ at, type: u8(b, at) & 0x7f, end });
    at = end;
    if (u8(b, blocks.at(-1)!.at) & 0x80 || blocks.length > 256) break;
  }
  return { start, blocks, audioAt: Math.min(at, b.length) };
}

const flacBlock = (type: number, body: Uint8Array, claimed = body.length) => concat(Uint8Array.of(type, (claimed >>> 16) & 0xff, (claimed >>> 8) & 0xff, claimed & 0xff), body);

export function flacBuilders(b: Uint8Array, r: Rng, family: Family): Built | null {
  const flac = flacBlocks(b);
  if (!flac || !flac.blocks.length) return null;
  const bodies = flac.blocks.map((k) => ({ type: k.type, body: b.subarray(k.at + 4, k.end) }));
  const write = (list: { type: number; body: Uint8Array; claimed?: number }[], what: string) => ({
    bytes: concat(b.subarray(0, flac.start + 4), ...list.map((k, i) => flacBlock(k.type | (i === list.length - 1 ? 0x80 : 0), k.body, k.claimed)), b.subarray(flac.audioAt)),
    what,
  });
  const comment = bodies.findIndex((k) => k.type === 4);
  switch (family) {
    case 'repeat': {
      if (comment >= 0 && r.chance(0.5)) {
        // One comment 1,000 times inside the Vorbis comment block, its count rewritten.
        const vc = bodies[comment]!.body;
        const countAt = 4 + u32le(vc, 0);
        const first = vc.subarray(countAt + 4, countAt + 8 + u32le(vc, countAt + 4));
        const n = timesWithin(first.length, 1000);
        const body = concat(vc.subarray(0, countAt), u32leBytes(n), ...Array.from({ length: n }, () => first));
        return write(bodies.map((k, i) => (i === comment ? { ...k, body } : k)), `flac vorbis comment x${n}`);
      }
      const i = r.int(1, Math.max(1, bodies.length - 1)) % bodies.length;
      const n = timesWithin(bodies[i]!.body.length + 4, 1000);
      return write([...bodies.slice(0, i + 1), ...Array.from({ length: n - 1 }, () => bodies[i]!), ...bodies.slice(i + 1)], `flac block type ${bodies[i]!.type} x${n}`);
    }
    case 'huge-claim': {
      const i = comment >= 0 ? comment : bodies.length - 1;
      return write(bodies.map((k, j) => (j === i ? { ...k, claimed: 0xffffff } : k)), `flac block type ${bodies[i]!.type} claiming 16 MB`);
    }
    case 'huge-real': {
      const picture = concat(u32beBytes(3), u32beBytes(10), latin1('image/jpeg'), u32beBytes(0), new Uint8Array(16), u32beBytes(HUGE_REAL_BYTES), new Uint8Array(HUGE_REAL_BYTES).fill(0xd8));
      const application = concat(latin1('wolf'), new Uint8Array(HUGE_REAL_BYTES).fill(0x43));
      const big = r.chance(0.5) ? { type: 6, body: picture } : { type: 2, body: application };
      return write([...bodies, big], `flac ${big.type === 6 ? 'PICTURE' : 'APPLICATION'} block of 3 MB`);
    }
    default:
      return null;
  }
}
