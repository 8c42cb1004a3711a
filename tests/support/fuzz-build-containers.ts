// Structural mutations of the nested containers (MP4, RIFF/AIFF, Matroska) and of Ogg, ASF and
// DSF: repeated items, sizes that point at themselves or their parent, hundreds of levels of
// nesting, sizes claiming gigabytes and real 3 MB items. Tree edits are written back with every
// enclosing size recomputed (and MP4 chunk offsets moved with the audio they point at).
import type { Rng } from './fuzz-random';
import { HUGE_REAL_BYTES, id3Builders, timesWithin, type Built, type Family } from './fuzz-build-tags';
import { ascii, u32be, u64le } from './fuzz-fields';
import { boxOf, parseTree, serialize, walk, type Box, type TreeFormat } from './fuzz-trees';
import { concat } from './hostile';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const be32 = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const le32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);

const atom = (type: string, ...body: Uint8Array[]) => {
  const inner = concat(...body);
  return concat(be32(8 + inner.length), latin1(type), inner);
};
const chunk = (format: 'riff' | 'aiff', id: string, body: Uint8Array) =>
  concat(latin1(id), format === 'riff' ? le32(body.length) : be32(body.length), body, new Uint8Array(body.length & 1));

/** EBML element: id bytes, an 8-byte size, body. */
const element = (idHex: string, body: Uint8Array) => {
  const id = Uint8Array.from(idHex.match(/../g)!, (h) => parseInt(h, 16));
  const size = new Uint8Array(8);
  size[0] = 1;
  for (let i = 7, v = body.length; i >= 1; i--, v = Math.floor(v / 256)) size[i] = v % 256;
  return concat(id, size, body);
};

const find = (boxes: Box[], test: (b: Box, parents: Box[]) => boolean) => {
  for (const { box, parents } of walk(boxes)) if (test(box, parents)) return { box, parents };
  return null;
};

/** Where a child list can take more items: the deepest of the preferred containers present. */
function hostOf(boxes: Box[], preferred: string[]): Box | null {
  for (const name of preferred) {
    const hit = find(boxes, (b) => b.name === name && !!b.children);
    if (hit) return hit.box;
  }
  return null;
}

/** MP4 chunk offsets are absolute: when moov grows in front of mdat, move them with it. */
function moveChunkOffsets(before: Uint8Array, after: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const mdat = (b: Uint8Array) => parseTree('mp4', b).find((x) => x.name === 'mdat')?.at ?? -1;
  const delta = mdat(after) - mdat(before);
  if (!delta || mdat(before) < 0) return after;
  const view = new DataView(after.buffer);
  for (const { box } of walk(parseTree('mp4', after))) {
    if (box.name !== 'stco' && box.name !== 'co64') continue;
    const wide = box.name === 'co64';
    const count = u32be(after, box.at + 12);
    for (let i = 0, at = box.at + 16; i < count && at + (wide ? 8 : 4) <= box.end; i++, at += wide ? 8 : 4) {
      if (wide) view.setBigUint64(at, view.getBigUint64(at) + BigInt(delta));
      else view.setUint32(at, (view.getUint32(at) + delta) >>> 0);
    }
  }
  return after;
}

function treeEdit(format: TreeFormat, b: Uint8Array, edit: (boxes: Box[]) => string | null): Built | null {
  const boxes = parseTree(format, b);
  const what = edit(boxes);
  if (!what) return null;
  const out = serialize(format, boxes);
  return { bytes: format === 'mp4' ? moveChunkOffsets(b, out) : out, what };
}

/** Sets one box's size field in place (no rewrite of its parents). */
function withSize(b: Uint8Array, box: Box, size: bigint, format: TreeFormat): Uint8Array<ArrayBuffer> {
  const out = b.slice();
  const view = new DataView(out.buffer);
  const at = box.at + box.sizeAt;
  if (format === 'ebml') {
    const max = (1n << BigInt(7 * box.sizeWidth)) - 2n;
    let v = size > max ? max : size;
    for (let i = box.sizeWidth - 1; i >= 0; i--, v >>= 8n) out[at + i] = i === 0 ? (0x80 >> (box.sizeWidth - 1)) | Number(v & BigInt(0xff >> box.sizeWidth)) : Number(v & 0xffn);
  } else if (box.sizeWidth === 8) view.setBigUint64(at, size);
  else view.setUint32(at, Number(size > 0xffffffffn ? 0xffffffffn : size), format === 'riff');
  return out;
}

export function treeBuilders(format: TreeFormat, b: Uint8Array, r: Rng, family: Family): Built | null {
  const mp4 = format === 'mp4';
  const ebml = format === 'ebml';
  const iff = format === 'riff' || format === 'aiff';
  switch (family) {
    case 'repeat':
      return treeEdit(format, b, (boxes) => {
        const names = mp4 ? ['ilst', 'udta', 'moov'] : ebml ? ['Tag', 'SeekHead', 'Tracks', 'Info'] : ['INFO', 'LIST', 'RIFF', 'FORM'];
        const host = hostOf(boxes, names) ?? hostOf(boxes, mp4 ? ['moov'] : ebml ? ['Segment'] : ['RIFF', 'FORM']);
        const items = host?.children?.filter((c) => c.name !== '?' && c.name !== 'data' && c.name !== 'SSND' && c.name !== 'mdat') ?? [];
        if (!host || !items.length) return null;
        const item = r.pick(items);
        const n = timesWithin(item.raw.length, 1000);
        host.children!.splice(host.children!.indexOf(item), 0, ...Array.from({ length: n - 1 }, () => item));
        return `${format} ${item.name} x${n} in ${host.name}`;
      });
    case 'nest': {
      const depth = r.pick([100, 300, 1000]);
      return treeEdit(format, b, (boxes) => {
        let inner: Uint8Array;
        let host: Box | null;
        let what: string;
        if (mp4) {
          const type = r.pick(['udta', 'trak', 'moov', 'ilst', 'meta']);
          inner = atom('free', latin1('deepest'));
          // music-metadata reads every 'meta' as a full box: version and flags before its children.
          for (let d = 0; d < depth; d++) inner = type === 'meta' ? atom(type, new Uint8Array(4), inner) : atom(type, inner);
          host = hostOf(boxes, ['udta', 'moov']);
          what = `mp4 ${type} nested ${depth} deep`;
        } else if (ebml) {
          const chapters = r.chance(0.5);
          inner = chapters ? element('b6', element('73c4', Uint8Array.of(1))) : element('67c8', element('45a3', latin1('DEEP')));
          for (let d = 0; d < depth; d++) inner = chapters ? element('b6', concat(element('73c4', Uint8Array.of(d & 0xff)), inner)) : element('67c8', concat(element('45a3', latin1('N')), inner));
          inner = chapters ? element('1043a770', element('45b9', inner)) : element('1254c367', element('7373', inner));
          host = hostOf(boxes, ['Segment']);
          what = `matroska ${chapters ? 'ChapterAtom' : 'SimpleTag'} nested ${depth} deep`;
        } else {
          if (format === 'aiff') return null;
          inner = chunk('riff', 'ICMT', latin1('deepest\0'));
          for (let d = 0; d < depth; d++) inner = chunk('riff', 'LIST', concat(latin1('INFO'), inner));
          host = hostOf(boxes, ['RIFF', 'RF64']);
          what = `riff LIST nested ${depth} deep`;
        }
        if (!host?.children) return null;
        host.children.splice(iff || mp4 ? 0 : host.children.length, 0, boxOf(format, inner, 'nest'));
        return what;
      });
    }
    case 'self-ref': {
      const all = [...walk(parseTree(format, b))].filter(({ box }) => box.name !== '?');
      if (!all.length) return null;
      const { box, parents } = r.pick(all);
      const parent = parents.at(-1);
      // MP4 sizes count their own header; RIFF, AIFF and EBML sizes count only the body.
      const choices: [string, bigint][] = [
        ['its own header only', mp4 ? BigInt(box.head.length) : 0n],
        ['its parent\'s size', BigInt(parent ? parent.end - parent.at : b.length)],
        ['the whole file', BigInt(b.length)],
      ];
      if (mp4) choices.push(['a size inside its own header', BigInt(r.int(1, 7))]);
      const [what, size] = r.pick(choices);
      return { bytes: withSize(b, box, size, format), what: `${format} ${box.name} size = ${what}` };
    }
    case 'huge-claim': {
      const all = [...walk(parseTree(format, b))].filter(({ box }) => box.name !== '?' && box.name !== 'mdat');
      if (!all.length) return null;
      const { box, parents } = r.pick(all);
      const claim = ebml ? 2n ** 50n : box.sizeWidth === 8 ? 2n ** 40n : 0xfffffff0n;
      // The enclosing boxes claim as much, so a parser that checks children against parents still meets it.
      let out = withSize(b, box, claim, format);
      for (const p of parents) out = withSize(out, p, claim + BigInt(p.head.length), format);
      return { bytes: out, what: `${format} ${box.name} claiming ${claim} bytes (and its parents)` };
    }
    case 'huge-real':
      return treeEdit(format, b, (boxes) => {
        const big = new Uint8Array(HUGE_REAL_BYTES).fill(0x44);
        if (mp4) {
          const host = hostOf(boxes, ['ilst', 'udta', 'moov']);
          if (!host?.children) return null;
          const item = host.name === 'ilst' ? atom(r.pick(['covr', '\xa9cmt']), atom('data', be32(13), be32(0), big)) : atom('free', big);
          host.children.push(boxOf('mp4', item, 'big'));
          return `mp4 ${host.name} item of 3 MB`;
        }
        if (ebml) {
          const host = hostOf(boxes, ['Tag', 'Segment']);
          if (!host?.children) return null;
          const item = host.name === 'Tag' ? element('67c8', concat(element('45a3', latin1('COMMENT')), element(r.pick(['4487', '4485']), big))) : element('ec', big);
          host.children.push(boxOf('ebml', item, 'big'));
          return `matroska ${host.name} item of 3 MB`;
        }
        const host = hostOf(boxes, ['RIFF', 'RF64', 'FORM']);
        if (!host?.children) return null;
        const item = format === 'riff' && r.chance(0.5) ? chunk('riff', 'LIST', concat(latin1('INFO'), chunk('riff', 'ICMT', big))) : chunk(format as 'riff' | 'aiff', format === 'riff' ? 'JUNK' : 'ANNO', big);
        // Before the sound data: a decoder must walk past it to find the samples.
        host.children.splice(Math.max(0, host.children.findIndex((c) => c.name === 'data' || c.name === 'SSND')), 0, boxOf(format, item, 'big'));
        return `${format} chunk of 3 MB before the audio`;
      });
    default:
      return null;
  }
}

export function dsfBuilders(b: Uint8Array, r: Rng, family: Family): Built | null {
  if (family !== 'self-ref' || ascii(b, 0, 4) !== 'DSD ') return null;
  const [what, pointer] = r.pick([['its own DSD chunk', 0], ['the fmt chunk', 28], ['itself', 20], ['past the end', b.length + 1], ['the last byte', b.length - 1]] as const);
  const out = b.slice();
  new DataView(out.buffer).setBigUint64(20, BigInt(pointer), true);
  return { bytes: out, what: `dsf metadata pointer to ${what} (was ${u64le(b, 20)})` };
}

/** WAV and AIFF carry ID3v2 in an 'ID3 ' chunk: the ID3 oddities go there (a new chunk when there is none). */
export function id3ChunkBuilders(format: 'riff' | 'aiff', b: Uint8Array, r: Rng, family: Family): Built | null {
  return treeEdit(format, b, (boxes) => {
    const top = boxes.find((x) => x.children);
    if (!top?.children) return null;
    const at = top.children.findIndex((c) => c.name === 'ID3 ' || c.name === 'id3 ');
    const old = top.children[at];
    const built = id3Builders(old ? old.raw.subarray(8, old.end - old.at) : new Uint8Array(0), r, family);
    if (!built) return null;
    const box = boxOf(format, chunk(format, old?.name ?? 'ID3 ', built.bytes), 'ID3 ');
    if (old) top.children[at] = box;
    else top.children.push(box);
    return `${built.what} in the ${format} ID3 chunk`;
  });
}
