// Structure walkers for the tag formats that ride inside or beside containers: ID3v2 (2.2, 2.3,
// 2.4, with CHAP/CTOC sub-frames), ID3v1, APEv2 and Vorbis comments. Each lists the length and
// count fields a parser trusts; ID3v2 also hands back its frames for the builders.
import { ascii, FieldList, indexOf, u24be, u32be, u32le, u8, syncsafe } from './fuzz-fields';

export interface Id3Frame {
  id: string;
  at: number;
  headerBytes: number;
  end: number;
}

export interface Id3Tag {
  at: number;
  version: number;
  /** First byte after the tag (header + size + footer). */
  end: number;
  framesAt: number;
  frames: Id3Frame[];
}

/** The ID3v2 tag starting at `at`, or null. */
export function id3v2At(b: Uint8Array, at = 0): Id3Tag | null {
  if (ascii(b, at, 3) !== 'ID3' || u8(b, at + 3) < 2 || u8(b, at + 3) > 4) return null;
  const version = u8(b, at + 3);
  const flags = u8(b, at + 5);
  const end = Math.min(b.length, at + 10 + syncsafe(b, at + 6) + (flags & 0x10 ? 10 : 0));
  let framesAt = at + 10;
  if (flags & 0x40 && version >= 3) framesAt += version === 3 ? 4 + u32be(b, framesAt) : syncsafe(b, framesAt);
  return { at, version, end, framesAt, frames: id3Frames(b, version, framesAt, end) };
}

function id3Frames(b: Uint8Array, version: number, from: number, end: number): Id3Frame[] {
  const idBytes = version === 2 ? 3 : 4;
  const headerBytes = version === 2 ? 6 : 10;
  const frames: Id3Frame[] = [];
  for (let at = from; at + headerBytes <= end && u8(b, at) !== 0; ) {
    const id = ascii(b, at, idBytes);
    if (!/^[A-Z0-9]+$/.test(id)) break;
    const size = version === 2 ? u24be(b, at + 3) : version === 3 ? u32be(b, at + 4) : syncsafe(b, at + 4);
    const frameEnd = at + headerBytes + size;
    if (frameEnd > end) break;
    frames.push({ id, at, headerBytes, end: frameEnd });
    at = frameEnd;
  }
  return frames;
}

export function id3v2Fields(b: Uint8Array, list: FieldList, tag: Id3Tag, prefix = 'id3v2'): void {
  list.add(`${prefix}.tag-size`, tag.at + 6, 4, 'syncsafe');
  if (tag.framesAt > tag.at + 10) list.add(`${prefix}.extended-header-size`, tag.at + 10, 4, tag.version === 3 ? 'be' : 'syncsafe');
  const frameSize = (f: Id3Frame, name: string) =>
    tag.version === 2 ? list.add(name, f.at + 3, 3, 'be') : list.add(name, f.at + 4, 4, tag.version === 3 ? 'be' : 'syncsafe');
  const walk = (frames: Id3Frame[], depth: number) => {
    for (const f of frames) {
      frameSize(f, `${prefix}.frame-size ${f.id}`);
      const body = f.at + f.headerBytes;
      if (depth > 3 || (f.id !== 'CHAP' && f.id !== 'CTOC')) continue;
      // Chapters and tables of contents hold frames of their own after an element id (and, for
      // CTOC, flags, an entry count and the entries).
      let sub = b.indexOf(0, body) + 1;
      if (sub <= 0 || sub >= f.end) continue;
      if (f.id === 'CHAP') sub += 16;
      else {
        list.add(`${prefix}.ctoc-entry-count`, sub + 1, 1, 'be', 'count');
        let entries = u8(b, sub + 1);
        sub += 2;
        while (entries-- > 0 && sub < f.end) sub = b.indexOf(0, sub) + 1 || f.end;
      }
      walk(id3Frames(b, tag.version, sub, f.end), depth + 1);
    }
  };
  walk(tag.frames, 0);
}

/** ID3v1 has no lengths, but a track number and a genre index that parsers use as indexes. */
export function id3v1Fields(b: Uint8Array, list: FieldList): void {
  const at = b.length - 128;
  if (at < 0 || ascii(b, at, 3) !== 'TAG') return;
  list.add('id3v1.genre', at + 127, 1, 'be', 'count');
  if (u8(b, at + 125) === 0) list.add('id3v1.track', at + 126, 1, 'be', 'count');
}

export interface ApeTag {
  footerAt: number;
  itemsAt: number;
  count: number;
  items: { at: number; end: number }[];
}

/** The APEv2 tag whose footer is last in the file (before any ID3v1 or Lyrics3), or null. */
export function apeTag(b: Uint8Array): ApeTag | null {
  let footerAt = -1;
  for (let i = indexOf(b, 'APETAGEX'); i >= 0; i = indexOf(b, 'APETAGEX', i + 8)) if (!(u32le(b, i + 20) & 0x20000000)) footerAt = i;
  if (footerAt < 0) return null;
  const size = u32le(b, footerAt + 12);
  const count = u32le(b, footerAt + 16);
  const itemsAt = footerAt + 32 - size;
  if (itemsAt < 0) return { footerAt, itemsAt: footerAt, count, items: [] };
  const items: ApeTag['items'] = [];
  for (let at = itemsAt, n = 0; n < count && at + 8 < footerAt; n++) {
    const keyEnd = b.indexOf(0, at + 8);
    if (keyEnd < 0 || keyEnd >= footerAt) break;
    const end = keyEnd + 1 + u32le(b, at);
    if (end > footerAt) break;
    items.push({ at, end });
    at = end;
  }
  return { footerAt, itemsAt, count, items };
}

export function apeFields(b: Uint8Array, list: FieldList, tag: ApeTag): void {
  list.add('apev2.tag-size', tag.footerAt + 12, 4, 'le');
  list.add('apev2.item-count', tag.footerAt + 16, 4, 'le', 'count');
  const header = tag.itemsAt - 32;
  if (header >= 0 && ascii(b, header, 8) === 'APETAGEX') {
    list.add('apev2.header-tag-size', header + 12, 4, 'le');
    list.add('apev2.header-item-count', header + 16, 4, 'le', 'count');
  }
  for (const item of tag.items) list.add('apev2.item-size', item.at, 4, 'le');
}

/** A Vorbis comment block at `at` (vendor length first), bounded by `end`. */
export function vorbisCommentFields(b: Uint8Array, list: FieldList, at: number, end: number, prefix: string): void {
  list.add(`${prefix}.vendor-length`, at, 4, 'le');
  let p = at + 4 + u32le(b, at);
  if (p + 4 > end) return;
  list.add(`${prefix}.comment-count`, p, 4, 'le', 'count');
  const count = u32le(b, p);
  p += 4;
  for (let i = 0; i < count && p + 4 <= end && i < 64; i++) {
    list.add(`${prefix}.comment-length`, p, 4, 'le');
    p += 4 + u32le(b, p);
  }
}
