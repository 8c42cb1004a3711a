// Structure walkers for the containers: FLAC metadata blocks, MP4 atoms, RIFF/AIFF chunks, Ogg
// pages, ASF objects, Matroska elements, DSF chunks, WavPack blocks, Monkey's Audio and Musepack
// headers. Each lists the length, count and offset fields its parsers and decoders trust.
import { ascii, FieldList, indexOf, u16le, u24be, u32be, u32le, u64le, u8 } from './fuzz-fields';
import { id3v2At, id3v2Fields, vorbisCommentFields } from './fuzz-tag-fields';
import { parseTree, walk } from './fuzz-trees';

export function flacFields(b: Uint8Array, list: FieldList, from: number): void {
  for (let at = from + 4, n = 0; at + 4 <= b.length && n < 64; n++) {
    const type = u8(b, at) & 0x7f;
    const length = u24be(b, at + 1);
    const body = at + 4;
    list.add(`flac.block-length type ${type}`, at + 1, 3, 'be');
    if (type === 0) {
      list.add('flac.streaminfo.min-block-size', body, 2, 'be', 'count');
      list.add('flac.streaminfo.max-block-size', body + 2, 2, 'be', 'count');
      list.add('flac.streaminfo.max-frame-size', body + 7, 3, 'be', 'count');
      list.add('flac.streaminfo.total-samples', body + 14, 4, 'be', 'count');
    } else if (type === 4) vorbisCommentFields(b, list, body, body + length, 'flac.vorbis-comment');
    else if (type === 6) {
      const mime = u32be(b, body + 4);
      const desc = body + 8 + mime;
      list.add('flac.picture.mime-length', body + 4, 4, 'be');
      list.add('flac.picture.description-length', desc, 4, 'be');
      list.add('flac.picture.data-length', desc + 4 + u32be(b, desc) + 16, 4, 'be');
    }
    if (u8(b, at) & 0x80) break;
    at = body + length;
  }
}

const MP4_COUNTS: Record<string, [string, number, number][]> = {
  stsd: [['entry-count', 12, 4], ['channels', 16 + 24, 2], ['sample-size', 16 + 26, 2], ['sample-rate', 16 + 32, 4]],
  stts: [['entry-count', 12, 4]], stsc: [['entry-count', 12, 4]], stco: [['entry-count', 12, 4]], co64: [['entry-count', 12, 4]],
  stss: [['entry-count', 12, 4]], elst: [['entry-count', 12, 4]], stsz: [['sample-size', 12, 4], ['sample-count', 16, 4]],
  mvhd: [['timescale', 20, 4], ['duration', 24, 4]], mdhd: [['timescale', 20, 4], ['duration', 24, 4]],
  trkn: [['track', 26, 2], ['total', 28, 2]], disk: [['disc', 26, 2], ['total', 28, 2]],
};

export function mp4Fields(b: Uint8Array, list: FieldList): void {
  for (const { box, parents } of walk(parseTree('mp4', b))) {
    if (box.name === '?') continue;
    const path = [...parents, box].map((p) => p.name).join('.');
    list.add(`mp4.size ${path}`, box.at + box.sizeAt, box.sizeWidth, 'be');
    for (const [what, offset, width] of MP4_COUNTS[box.name] ?? []) list.add(`mp4.${box.name}.${what}`, box.at + offset, width, 'be', 'count');
  }
}

export function iffFields(b: Uint8Array, list: FieldList, format: 'riff' | 'aiff'): void {
  const enc = format === 'riff' ? 'le' : 'be';
  for (const { box } of walk(parseTree(format, b))) {
    if (box.name === '?') continue;
    const at = box.at;
    list.add(`${format}.chunk-size ${box.name}`, at + 4, 4, enc);
    if (box.name === 'fmt ') {
      list.add('riff.fmt.channels', at + 10, 2, 'le', 'count');
      list.add('riff.fmt.sample-rate', at + 12, 4, 'le', 'count');
      list.add('riff.fmt.block-align', at + 20, 2, 'le', 'count');
      list.add('riff.fmt.bits-per-sample', at + 22, 2, 'le', 'count');
    } else if (box.name === 'fact') list.add('riff.fact.samples', at + 8, 4, 'le', 'count');
    else if (box.name === 'COMM') {
      list.add('aiff.comm.channels', at + 8, 2, 'be', 'count');
      list.add('aiff.comm.frames', at + 10, 4, 'be', 'count');
      list.add('aiff.comm.sample-size', at + 14, 2, 'be', 'count');
      list.add('aiff.comm.rate-exponent', at + 16, 2, 'be', 'count');
    } else if (box.name === 'SSND') {
      list.add('aiff.ssnd.offset', at + 8, 4, 'be', 'offset');
      list.add('aiff.ssnd.block-size', at + 12, 4, 'be', 'count');
    } else if (box.name === 'ID3 ' || box.name === 'id3 ') {
      const tag = id3v2At(b, at + 8);
      if (tag) id3v2Fields(b, list, tag, `${format}.id3v2`);
    }
  }
}

export function oggFields(b: Uint8Array, list: FieldList): void {
  for (let p = indexOf(b, 'OggS'), n = 0; p >= 0 && n < 200; n++) {
    const segments = u8(b, p + 26);
    let body = 0;
    for (let i = 0; i < segments; i++) body += u8(b, p + 27 + i);
    const bodyAt = p + 27 + segments;
    if (n < 60) {
      list.add('ogg.page.segment-count', p + 26, 1, 'be', 'count');
      list.add('ogg.page.granule', p + 6, 8, 'le', 'count');
    }
    if (n < 4) for (let i = 0; i < segments; i++) list.add('ogg.page.lacing', p + 27 + i, 1, 'be');
    const head = ascii(b, bodyAt, 8);
    if (head === 'OpusHead') {
      list.add('opus.head.channels', bodyAt + 9, 1, 'be', 'count');
      list.add('opus.head.input-rate', bodyAt + 12, 4, 'le', 'count');
      list.add('opus.head.mapping-family', bodyAt + 18, 1, 'be', 'count');
    } else if (head === 'OpusTags') vorbisCommentFields(b, list, bodyAt + 8, bodyAt + body, 'opus.tags');
    else if (head.slice(1, 7) === 'vorbis' && u8(b, bodyAt) === 1) {
      list.add('vorbis.id.channels', bodyAt + 11, 1, 'be', 'count');
      list.add('vorbis.id.rate', bodyAt + 12, 4, 'le', 'count');
      list.add('vorbis.id.blocksizes', bodyAt + 28, 1, 'be', 'count');
    } else if (head.slice(1, 7) === 'vorbis' && u8(b, bodyAt) === 3) vorbisCommentFields(b, list, bodyAt + 7, bodyAt + body, 'vorbis.comment');
    p = indexOf(b, 'OggS', bodyAt + body);
  }
}

const hex = (b: Uint8Array, at: number) => Array.from(b.subarray(at, at + 16), (x) => x.toString(16).padStart(2, '0')).join('');
const ASF = {
  header: '3026b2758e66cf11a6d900aa0062ce6c', content: '3326b2758e66cf11a6d900aa0062ce6c', extended: '40a4d0d207e3d21197f000a0c95ea850',
  file: 'a1dcab8c47a9cf118ee400c00c205365', stream: '9107dcb7b7a9cf118ee600c00c205365', headerExt: 'b503bf5f2ea9cf118ee300c00c205365',
  metadata: 'eacbf8c5af5b77488467aa8c44fa4cca', library: '941c23449894d149a1411d134e457054', data: '3626b2758e66cf11a6d900aa0062ce6c',
};

export function asfFields(b: Uint8Array, list: FieldList, from = 0, to = b.length, depth = 0): void {
  for (let at = from, n = 0; at + 24 <= to && n < 64; n++) {
    const guid = hex(b, at);
    const size = u64le(b, at + 16);
    const name = Object.entries(ASF).find(([, g]) => g === guid)?.[0] ?? 'object';
    list.add(`asf.size ${name}`, at + 16, 8, 'le');
    if (guid === ASF.header && depth === 0) {
      list.add('asf.header.object-count', at + 24, 4, 'le', 'count');
      asfFields(b, list, at + 30, Math.min(to, at + size), 1);
    } else if (guid === ASF.headerExt) {
      list.add('asf.header-extension.data-size', at + 42, 4, 'le');
      asfFields(b, list, at + 46, Math.min(to, at + size), depth + 1);
    } else if (guid === ASF.content) for (let i = 0; i < 5; i++) list.add('asf.content.length', at + 24 + 2 * i, 2, 'le');
    else if (guid === ASF.extended) {
      list.add('asf.extended.count', at + 24, 2, 'le', 'count');
      for (let p = at + 26, i = 0; i < u16le(b, at + 24) && i < 32 && p + 6 < at + size; i++) {
        const nameLength = u16le(b, p);
        list.add('asf.extended.name-length', p, 2, 'le');
        list.add('asf.extended.value-length', p + 4 + nameLength, 2, 'le');
        p += 6 + nameLength + u16le(b, p + 4 + nameLength);
      }
    } else if (guid === ASF.metadata || guid === ASF.library) {
      list.add(`asf.${name}.count`, at + 24, 2, 'le', 'count');
      if (at + 38 < to) list.add(`asf.${name}.data-length`, at + 34, 4, 'le');
    } else if (guid === ASF.file) {
      list.add('asf.file.packets', at + 56, 8, 'le', 'count');
      list.add('asf.file.duration', at + 64, 8, 'le', 'count');
      list.add('asf.file.max-packet-size', at + 96, 4, 'le', 'count');
    } else if (guid === ASF.stream) list.add('asf.stream.type-data-length', at + 64, 4, 'le');
    else if (guid === ASF.data) list.add('asf.data.packets', at + 40, 8, 'le', 'count');
    if (size < 24) break;
    at += size;
  }
}

const EBML_UINTS: Record<string, string> = { '9f': 'channels', d7: 'track-number', '2ad7b1': 'timecode-scale', '4286': 'ebml-version', '42f7': 'read-version', '42f2': 'max-id-length', '42f3': 'max-size-length', '73c5': 'chapter-uid' };

export function ebmlFields(b: Uint8Array, list: FieldList): void {
  for (const { box } of walk(parseTree('ebml', b))) {
    if (box.name === '?') continue;
    list.add(`ebml.size ${box.name}`, box.at + box.sizeAt, box.sizeWidth, 'vint');
    const uint = EBML_UINTS[box.name];
    const width = box.end - box.at - box.head.length;
    if (uint && width >= 1 && width <= 8) list.add(`ebml.${uint}`, box.at + box.head.length, width, 'be', 'count');
  }
}

export function dsfFields(b: Uint8Array, list: FieldList): void {
  if (ascii(b, 0, 4) !== 'DSD ') return;
  list.add('dsf.dsd.size', 4, 8, 'le');
  list.add('dsf.dsd.file-size', 12, 8, 'le');
  list.add('dsf.dsd.metadata-pointer', 20, 8, 'le', 'offset');
  const fmt = u32le(b, 4);
  list.add('dsf.fmt.size', fmt + 4, 8, 'le');
  for (const [name, offset, width] of [['format-id', 16, 4], ['channel-type', 20, 4], ['channels', 24, 4], ['sample-rate', 28, 4], ['bits-per-sample', 32, 4], ['samples', 36, 8], ['block-size', 44, 4]] as const) {
    list.add(`dsf.fmt.${name}`, fmt + offset, width, 'le', 'count');
  }
  list.add('dsf.data.size', fmt + u32le(b, fmt + 4) + 4, 8, 'le');
  const tag = id3v2At(b, u64le(b, 20));
  if (tag) id3v2Fields(b, list, tag, 'dsf.id3v2');
}

export function wavpackFields(b: Uint8Array, list: FieldList): void {
  for (let at = indexOf(b, 'wvpk'), n = 0; at >= 0 && n < 16; n++) {
    const end = at + 8 + u32le(b, at + 4);
    list.add('wavpack.block-size', at + 4, 4, 'le');
    list.add('wavpack.total-samples', at + 12, 4, 'le', 'count');
    list.add('wavpack.block-samples', at + 20, 4, 'le', 'count');
    for (let p = at + 32, i = 0; p + 2 <= Math.min(end, b.length) && i < 16; i++) {
      const large = u8(b, p) & 0x80;
      list.add('wavpack.sub-block-size', p + 1, large ? 3 : 1, 'le');
      p += (large ? 4 : 2) + 2 * (large ? u8(b, p + 1) | (u8(b, p + 2) << 8) | (u8(b, p + 3) << 16) : u8(b, p + 1));
    }
    at = indexOf(b, 'wvpk', Math.max(end, at + 4));
  }
}

export function macFields(b: Uint8Array, list: FieldList, at: number): void {
  const version = u16le(b, at + 4);
  if (version >= 3980) {
    for (const [name, offset] of [['descriptor-bytes', 8], ['header-bytes', 12], ['seek-table-bytes', 16], ['header-data-bytes', 20], ['frame-data-bytes', 24]] as const) {
      list.add(`ape.${name}`, at + offset, 4, 'le');
    }
    const header = at + u32le(b, at + 8);
    for (const [name, offset, width] of [['blocks-per-frame', 4, 4], ['final-frame-blocks', 8, 4], ['total-frames', 12, 4], ['bits', 16, 2], ['channels', 18, 2], ['sample-rate', 20, 4]] as const) {
      list.add(`ape.header.${name}`, header + offset, width, 'le', 'count');
    }
  } else {
    for (const [name, offset, width] of [['channels', 10, 2], ['sample-rate', 12, 4], ['header-bytes', 16, 4], ['total-frames', 24, 4], ['final-frame-blocks', 28, 4]] as const) {
      list.add(`ape.old.${name}`, at + offset, width, 'le', name.endsWith('bytes') ? 'size' : 'count');
    }
  }
}

export function mpcFields(b: Uint8Array, list: FieldList, at: number): void {
  if (ascii(b, at, 3) === 'MP+') list.add('mpc.sv7.frame-count', at + 4, 4, 'le', 'count');
}
