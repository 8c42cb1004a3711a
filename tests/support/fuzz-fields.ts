// Length, count and offset fields of a file's structure, as the structure walkers find them, and
// setting one to a chosen value (0, the largest its width holds, one off, ...) in place. Values
// are bigint because MP4, ASF, DSF and Matroska sizes are 64-bit.

export type Encoding = 'be' | 'le' | 'syncsafe' | 'vint';

export interface Field {
  /** What the field is, for reports: 'mp4.size stsz', 'id3v2.frame-size TIT2'. */
  name: string;
  at: number;
  width: number;
  encoding: Encoding;
  role: 'size' | 'count' | 'offset';
}

export const FIELD_VALUES = ['zero', 'max', 'almost-max', 'plus-one', 'minus-one', 'double', 'one'] as const;
export type FieldValue = (typeof FIELD_VALUES)[number];

const bitsOf = (f: Field) => (f.encoding === 'syncsafe' ? 7 * f.width : f.encoding === 'vint' ? 7 * f.width : 8 * f.width);

export function readField(b: Uint8Array, f: Field): bigint {
  let v = 0n;
  for (let i = 0; i < f.width; i++) {
    const byte = b[f.at + (f.encoding === 'le' ? f.width - 1 - i : i)] ?? 0;
    if (f.encoding === 'syncsafe') v = (v << 7n) | BigInt(byte & 0x7f);
    else if (f.encoding === 'vint' && i === 0) v = BigInt(byte & (0xff >> f.width));
    else v = (v << 8n) | BigInt(byte);
  }
  return v;
}

export function writeField(b: Uint8Array, f: Field, value: bigint): void {
  const max = (1n << BigInt(bitsOf(f))) - 1n;
  let v = value < 0n ? 0n : value > max ? max : value;
  for (let i = f.width - 1; i >= 0; i--) {
    const at = f.at + (f.encoding === 'le' ? f.width - 1 - i : i);
    if (at >= b.length) continue;
    if (f.encoding === 'syncsafe') {
      b[at] = Number(v & 0x7fn);
      v >>= 7n;
    } else if (f.encoding === 'vint' && i === 0) {
      // The length marker stays: only the value bits of the first byte change.
      b[at] = (0x80 >> (f.width - 1)) | Number(v & BigInt(0xff >> f.width));
    } else {
      b[at] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
}

/** The value a mutation asks for. For a Matroska size "max" is the largest known size (all ones means "unknown"). */
export function valueFor(b: Uint8Array, f: Field, kind: FieldValue): bigint {
  const max = (1n << BigInt(bitsOf(f))) - 1n - (f.encoding === 'vint' ? 1n : 0n);
  const now = readField(b, f);
  switch (kind) {
    case 'zero':
      return 0n;
    case 'one':
      return 1n;
    case 'max':
      return max;
    case 'almost-max':
      return max - 1n;
    case 'plus-one':
      return now + 1n;
    case 'minus-one':
      return now - 1n;
    case 'double':
      return now * 2n + 1n;
  }
}

/** A copy of `b` with field `f` set as `kind` says. */
export function setField(b: Uint8Array, f: Field, kind: FieldValue): Uint8Array<ArrayBuffer> {
  const out = b.slice();
  writeField(out, f, valueFor(b, f, kind));
  return out;
}

/** Collects fields for one walker, dropping any that fall outside the file. */
export class FieldList {
  readonly fields: Field[] = [];
  constructor(private readonly length: number) {}
  add(name: string, at: number, width: number, encoding: Encoding, role: Field['role'] = 'size'): void {
    if (at >= 0 && at + width <= this.length) this.fields.push({ name, at, width, encoding, role });
  }
}

// Small readers shared by the walkers; out-of-range reads give 0 so a walker on damaged input stops.
export const u8 = (b: Uint8Array, at: number) => b[at] ?? 0;
export const u16be = (b: Uint8Array, at: number) => (u8(b, at) << 8) | u8(b, at + 1);
export const u16le = (b: Uint8Array, at: number) => u8(b, at) | (u8(b, at + 1) << 8);
export const u24be = (b: Uint8Array, at: number) => (u8(b, at) << 16) | (u8(b, at + 1) << 8) | u8(b, at + 2);
export const u32be = (b: Uint8Array, at: number) => ((u8(b, at) << 24) | (u8(b, at + 1) << 16) | (u8(b, at + 2) << 8) | u8(b, at + 3)) >>> 0;
export const u32le = (b: Uint8Array, at: number) => ((u8(b, at + 3) << 24) | (u8(b, at + 2) << 16) | (u8(b, at + 1) << 8) | u8(b, at)) >>> 0;
export const u64le = (b: Uint8Array, at: number) => u32le(b, at) + u32le(b, at + 4) * 2 ** 32;
export const syncsafe = (b: Uint8Array, at: number) => ((u8(b, at) & 0x7f) << 21) | ((u8(b, at + 1) & 0x7f) << 14) | ((u8(b, at + 2) & 0x7f) << 7) | (u8(b, at + 3) & 0x7f);
export const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** Index of `text` (latin-1) in `b` from `from`, or -1. */
export function indexOf(b: Uint8Array, text: string, from = 0): number {
  const first = text.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i >= 0 && i + text.length <= b.length; i = b.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (b[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
