// Hostile inputs for the robustness tests (issue 9): byte mutations of real files, an mp3 behind a
// 3 MB ID3v2 tag, and a generated folder of every bad case a person's disk can hold. Shared by the
// Node property test and the Chromium e2e, so both judge the same inputs.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'overwrite'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

/** Positions are fractions of the length so one mutation applies to any file. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(1_000_000) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(1_000_000), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(1_000_000), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(1_000_000), length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(1_000_000), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  // Mutations bias to the first 64 KiB half the time: headers are where parsers make decisions.
  const span = m.at % 2 === 0 ? Math.min(bytes.length, 65_536) : bytes.length;
  const at = span ? Math.floor((m.at / 1_000_000) * span) : 0;
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const b = bytes.slice();
      if (at < b.length) b[at]! ^= 1 << m.bit;
      return b;
    }
    case 'overwrite': {
      const b = bytes.slice();
      b.set(m.bytes.subarray(0, Math.max(0, b.length - at)), at);
      return b;
    }
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
    case 'insert':
      return concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An ID3v2.3 tag holding one PRIV frame of `frameBytes` bytes, in front of `audio`. */
export function withHugeId3(audio: Uint8Array, frameBytes = 3 * 1024 * 1024): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(10 + frameBytes);
  frame.set([0x50, 0x52, 0x49, 0x56]); // 'PRIV'
  new DataView(frame.buffer).setUint32(4, frameBytes); // v2.3 frame sizes are plain 32-bit
  frame.set(new TextEncoder().encode('wolfie-test\0'), 10);
  for (let i = 22; i < frame.length; i++) frame[i] = (i * 31) & 0xff;
  const header = new Uint8Array(10);
  header.set([0x49, 0x44, 0x33, 3, 0, 0]); // 'ID3', v2.3, no flags
  // The tag size is syncsafe: 7 bits per byte.
  const size = frame.length;
  header.set([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f], 6);
  return concat(header, frame, audio);
}

/** Deterministic pseudo-random bytes (a test must generate the same folder every time). */
export function noise(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A reason a person can read: a sentence, no stack, no "[object Object]" or "undefined". */
export function isClearReason(reason: string | null | undefined): boolean {
  return !!reason && reason.length >= 15 && /[a-z]{3,} [a-z]{2,}/i.test(reason) && !/\[object |undefined|\n\s+at /.test(reason);
}

// Linux refuses a path component over 255 bytes (NAME_MAX), so a 4,000-character name is written
// as nested 200-character folders; the whole relative path is still over 4,000 characters.
const LONG_SEGMENT = 200;

export interface HostileFolder {
  root: string;
  /** Relative paths (chosen folder name first) of every file the app should treat as audio. */
  audio: string[];
  /** Relative paths of symlinks, which the browser may follow or skip. */
  links: string[];
}

/**
 * Writes a small hostile library under `parent/<name>` from real `sources` (mp3, flac, ogg, wav):
 * zero bytes, truncations, random bytes, bit flips, a 3 MB tag, wrong extensions, a 4,000-character
 * path, unicode and RTL names, 30 nested folders and symlinks.
 */
export function writeHostileFolder(parent: string, name: string, sources: { mp3: string; flac: string; ogg: string; wav: string }): HostileFolder {
  const root = join(parent, name);
  const audio: string[] = [];
  const put = (rel: string, bytes: Uint8Array) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), bytes);
    audio.push(`${name}/${rel}`);
  };
  const mp3 = new Uint8Array(readFileSync(sources.mp3));
  const flac = new Uint8Array(readFileSync(sources.flac));
  const ogg = new Uint8Array(readFileSync(sources.ogg));
  const wav = new Uint8Array(readFileSync(sources.wav));
  put('good/track.mp3', mp3);
  put('zero/empty.mp3', new Uint8Array(0));
  put('zero/empty.flac', new Uint8Array(0));
  put('cut/header-only.mp3', mp3.subarray(0, 200));
  put('cut/half.flac', flac.subarray(0, flac.length >> 1));
  put('cut/tenth.ogg', ogg.subarray(0, Math.max(1, ogg.length / 10) | 0));
  put('cut/wav-44.wav', wav.subarray(0, 44));
  put('random/noise.mp3', noise(50_000, 1));
  put('random/noise.flac', noise(50_000, 2));
  put('random/noise.m4a', noise(20_000, 3));
  put('flipped/every-64th.mp3', mp3.map((b, i) => (i % 64 === 7 ? b ^ 0x5a : b)));
  put('flipped/flac-header.flac', flac.map((b, i) => (i > 4 && i < 300 ? b ^ 0xff : b)));
  put('big-tag/3mb-tag.mp3', withHugeId3(mp3));
  put('wrong-ext/flac-named.mp3', flac);
  put('wrong-ext/mp3-named.ogg', mp3);
  put('wrong-ext/ogg-named.wav', ogg);
  put(`${'n'.repeat(LONG_SEGMENT)}/`.repeat(19) + `${'l'.repeat(LONG_SEGMENT - 4)}.mp3`, mp3);
  put('unicode/Ünïcødé ♫ 🎵 曲.mp3', mp3);
  put('unicode/\u05e9\u05d9\u05e8 \u202e3pm.ogg', ogg); // Hebrew plus a right-to-left override
  put('unicode/ساز عربي.flac', flac);
  put('unicode/e\u0301-decomposed.mp3', mp3); // NFD: é as e + combining acute
  put(`${Array.from({ length: 30 }, (_, i) => `d${i}`).join('/')}/deep.mp3`, mp3);
  // Symlinks: one to a good file, one dangling, one folder link back to its parent (a loop).
  const links: string[] = [];
  mkdirSync(join(root, 'links'), { recursive: true });
  symlinkSync(join(root, 'good/track.mp3'), join(root, 'links/to-good.mp3'));
  symlinkSync(join(root, 'links/missing.mp3'), join(root, 'links/dangling.mp3'));
  symlinkSync('..', join(root, 'links/loop'));
  links.push(`${name}/links/to-good.mp3`, `${name}/links/dangling.mp3`, `${name}/links/loop`);
  writeFileSync(join(root, 'readme.txt'), 'not audio');
  return { root, audio, links };
}
