// Structural mutations of Ogg (pages repeated, packets that never end, with page checksums made
// right again so readers that check them still parse on) and ASF (header objects repeated, counts
// and sizes pointing at themselves, a 3 MB object in the header).
import type { Rng } from './fuzz-random';
import { HUGE_REAL_BYTES, timesWithin, type Built, type Family } from './fuzz-build-tags';
import { indexOf, u32le, u64le, u8 } from './fuzz-fields';
import { concat } from './hostile';

interface Page {
  at: number;
  end: number;
}

function pages(b: Uint8Array): Page[] {
  const out: Page[] = [];
  for (let at = indexOf(b, 'OggS'); at >= 0 && at + 27 <= b.length; ) {
    const segments = u8(b, at + 26);
    let end = at + 27 + segments;
    for (let i = 0; i < segments; i++) end += u8(b, at + 27 + i);
    out.push({ at, end: Math.min(end, b.length) });
    at = indexOf(b, 'OggS', Math.max(end, at + 4));
  }
  return out;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

/** Recomputes every page's CRC, so a mutation is judged by the parser, not stopped by the checksum. */
export function fixOggCrc(b: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (const p of pages(b)) {
    if (p.at + 27 > p.end) continue;
    view.setUint32(p.at + 22, 0, true);
    let crc = 0;
    for (let i = p.at; i < p.end; i++) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b[i]!) & 0xff]!) >>> 0;
    view.setUint32(p.at + 22, crc, true);
  }
  return b;
}

export function oggBuilders(b: Uint8Array, r: Rng, family: Family): Built | null {
  const list = pages(b);
  if (list.length < 2) return null;
  switch (family) {
    case 'repeat': {
      // The identification, comment or an audio page again and again: same serial, same sequence number.
      const i = r.pick([0, 1, r.int(2, Math.max(2, list.length - 1)) % list.length]);
      const page = b.subarray(list[i]!.at, list[i]!.end);
      const n = timesWithin(page.length, 1000);
      return { bytes: concat(b.subarray(0, list[i]!.end), ...Array.from({ length: n - 1 }, () => page), b.subarray(list[i]!.end)), what: `ogg page ${i} x${n}` };
    }
    case 'self-ref': {
      // Every page from here on says "continued" and its last segment is 255: one packet that never ends.
      const out = b.slice();
      const from = r.int(1, list.length - 1);
      for (const p of list.slice(from)) {
        out[p.at + 5] = u8(out, p.at + 5) | 1;
        const segments = u8(out, p.at + 26);
        if (segments) out[p.at + 26 + segments] = 255;
      }
      return { bytes: fixOggCrc(out), what: `ogg packet continued from page ${from} to the end` };
    }
    case 'huge-claim': {
      const out = b.slice();
      const p = list[r.int(0, Math.min(2, list.length - 1))]!;
      out[p.at + 26] = 255;
      return { bytes: fixOggCrc(out), what: 'ogg page claiming 255 segments' };
    }
    default:
      return null;
  }
}

const ASF_HEADER = '3026b2758e66cf11a6d900aa0062ce6c';
const guidAt = (b: Uint8Array, at: number) => Array.from(b.subarray(at, at + 16), (x) => x.toString(16).padStart(2, '0')).join('');

function asfObjects(b: Uint8Array): { end: number; children: { at: number; end: number }[] } | null {
  if (guidAt(b, 0) !== ASF_HEADER) return null;
  const end = Math.min(b.length, u64le(b, 16));
  const children: { at: number; end: number }[] = [];
  for (let at = 30; at + 24 <= end; ) {
    const size = u64le(b, at + 16);
    if (size < 24 || at + size > end) break;
    children.push({ at, end: at + size });
    at += size;
  }
  return { end, children };
}

export function asfBuilders(b: Uint8Array, r: Rng, family: Family): Built | null {
  const header = asfObjects(b);
  if (!header || !header.children.length) return null;
  const write = (objects: Uint8Array[], what: string, count = objects.length) => {
    const body = concat(...objects);
    const head = b.slice(0, 30);
    const view = new DataView(head.buffer);
    view.setBigUint64(16, BigInt(30 + body.length), true);
    view.setUint32(24, count, true);
    return { bytes: concat(head, body, b.subarray(header.end)), what };
  };
  const objects = header.children.map((c) => b.subarray(c.at, c.end));
  switch (family) {
    case 'repeat': {
      const i = r.int(0, objects.length - 1);
      const n = timesWithin(objects[i]!.length, 1000);
      return write([...objects.slice(0, i), ...Array.from({ length: n }, () => objects[i]!), ...objects.slice(i + 1)], `asf header object ${guidAt(objects[i]!, 0).slice(0, 8)} x${n}`);
    }
    case 'self-ref': {
      if (r.chance(0.5)) return write(objects, 'asf header counting 0xffffffff objects', 0xffffffff);
      // One child claims the whole header object, itself and its siblings included.
      const out = b.slice();
      const c = r.pick(header.children);
      new DataView(out.buffer).setBigUint64(c.at + 16, BigInt(header.end), true);
      return { bytes: out, what: 'asf header object sized as its parent' };
    }
    case 'huge-real': {
      const big = concat(Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i), new Uint8Array(8), new Uint8Array(HUGE_REAL_BYTES).fill(0x45));
      new DataView(big.buffer).setBigUint64(16, BigInt(big.length), true);
      return write([...objects, big], 'asf unknown header object of 3 MB');
    }
    case 'huge-claim': {
      const out = b.slice();
      const c = r.pick(header.children);
      new DataView(out.buffer).setBigUint64(c.at + 16, 2n ** 40n, true);
      return { bytes: out, what: `asf header object claiming 2^40 bytes (data follows at ${u32le(b, 16)})` };
    }
    default:
      return null;
  }
}
