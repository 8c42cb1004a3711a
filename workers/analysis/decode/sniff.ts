// Recognises a container/codec from its first bytes, never from the file name: libraries hold
// mislabelled files (an .mp3 that is really AAC in MP4, a .wav that is MP3) more often than one thinks.
import type { AudioFormat } from './types';

const ascii = (b: Uint8Array, at: number, len: number): string => String.fromCharCode(...b.subarray(at, at + len));

/** Number of bytes `sniffFormat` wants to see: an ID3v2 tag is skipped separately. */
export const SNIFF_BYTES = 4096;

/** Size of a leading ID3v2 tag (MP3 and sometimes FLAC/AAC carry one), or 0. */
export function id3v2Size(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== 'ID3') return 0;
  const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f);
  const footer = b[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** Format of the bytes starting after any ID3v2 tag, or null when nothing matches. */
export function sniffFormat(b: Uint8Array): AudioFormat | null {
  if (b.length < 4) return null;
  const head = ascii(b, 0, 4);
  if ((head === 'RIFF' || head === 'RF64' || head === 'BW64') && ascii(b, 8, 4) === 'WAVE') return 'wav';
  if (head === 'FORM' && (ascii(b, 8, 4) === 'AIFF' || ascii(b, 8, 4) === 'AIFC')) return 'aiff';
  if (head === 'fLaC') return 'flac';
  if (head === 'OggS') {
    // The first page carries the codec's identification header right after the segment table.
    const segments = b[26] ?? 0;
    const at = 27 + segments;
    if (ascii(b, at, 8) === 'OpusHead') return 'ogg-opus';
    if (ascii(b, at + 1, 6) === 'vorbis') return 'ogg-vorbis';
    if (ascii(b, at + 1, 4) === 'FLAC') return 'ogg-flac';
    return null;
  }
  if (ascii(b, 4, 4) === 'ftyp') return 'mp4';
  // ADTS AAC: 12-bit sync then layer bits 00; MPEG audio: 11-bit sync and a non-reserved layer.
  if (b[0] === 0xff && (b[1]! & 0xf6) === 0xf0) return 'adts-aac';
  if (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0) return 'mp3';
  return null;
}

// Containers whose tags Wolfie reads but whose audio its decoders do not (yet): naming them tells
// a person why a file has tags but no measures, and what to convert it to.
const UNDECODED: [signature: string | number[], at: number, name: string][] = [
  [[0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11], 0, 'Windows Media Audio (ASF)'],
  ['MAC ', 0, "Monkey's Audio (APE)"],
  ['wvpk', 0, 'WavPack'],
  ['MPCK', 0, 'Musepack'],
  ['MP+', 0, 'Musepack'],
  ['DSD ', 0, 'DSD (DSF)'],
  ['FRM8', 0, 'DSD (DSDIFF)'],
  [[0x1a, 0x45, 0xdf, 0xa3], 0, 'Matroska / WebM'],
  ['TTA1', 0, 'TrueAudio'],
  ['tBaK', 0, 'TAK'],
  ['ajkg', 0, 'Shorten'],
  ['OFR ', 0, 'OptimFROG'],
  ['caff', 0, 'Core Audio (CAF)'],
  ['#!AMR', 0, 'AMR'],
  ['.snd', 0, 'Sun audio (AU)'],
];

/** The name of a container recognised by its signature that the decoders cannot read, or null. */
export function undecodedContainer(b: Uint8Array): string | null {
  for (const [sig, at, name] of UNDECODED) {
    const bytes = typeof sig === 'string' ? Array.from(sig, (c) => c.charCodeAt(0)) : sig;
    if (bytes.every((x, i) => b[at + i] === x)) return name;
  }
  return null;
}

/** Second chance for MP3s with junk before the first frame: two consecutive valid frame headers. */
export function looksLikeMpegStream(b: Uint8Array): boolean {
  const rates = [44100, 48000, 32000];
  for (let i = 0; i + 4 < b.length; i++) {
    if (b[i] !== 0xff || (b[i + 1]! & 0xe0) !== 0xe0) continue;
    const len = mpegFrameLength(b, i, rates);
    if (len > 0 && i + len + 1 < b.length && b[i + len] === 0xff && (b[i + len + 1]! & 0xe0) === 0xe0) return true;
  }
  return false;
}

function mpegFrameLength(b: Uint8Array, i: number, rates: number[]): number {
  const version = (b[i + 1]! >> 3) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
  const layer = (b[i + 1]! >> 1) & 3; // 1 = layer III
  const bitrateIndex = b[i + 2]! >> 4;
  const rateIndex = (b[i + 2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const v1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const v2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const kbps = (version === 3 ? v1 : v2)[bitrateIndex]!;
  const rate = rates[rateIndex]! / (version === 3 ? 1 : version === 2 ? 2 : 4);
  const padding = (b[i + 2]! >> 1) & 1;
  return Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / rate) + padding;
}
