// Finds where the samples are in a WAV (RIFF/RF64) or AIFF/AIFC file and how they are encoded.
// Only the header is read here; the sample data is streamed by pcm.ts.
import { DecodeFailure } from './types';

export interface PcmLayout {
  sampleRateHz: number;
  channels: number;
  /** 'int' is signed except 8-bit WAV, which is unsigned (flag below). */
  encoding: 'int' | 'float';
  bitsPerSample: number;
  unsigned8: boolean;
  littleEndian: boolean;
  dataStart: number;
  /** Clamped to the file: a truncated file decodes up to its last whole frame (as ffmpeg does). */
  dataBytes: number;
}

const text = (v: DataView, at: number): string =>
  String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

/** Parses the header found in `head` (the first bytes of the file, enough to reach the data chunk). */
export function parsePcmLayout(head: Uint8Array, fileBytes: number): PcmLayout {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 12) throw new DecodeFailure('file is too short to hold a WAV/AIFF header');
  const kind = text(v, 0);
  return kind === 'FORM' ? parseAiff(v, fileBytes) : parseWav(v, fileBytes, kind !== 'RIFF');
}

function parseWav(v: DataView, fileBytes: number, rf64: boolean): PcmLayout {
  let fmt: Omit<PcmLayout, 'dataStart' | 'dataBytes'> | null = null;
  let ds64DataBytes = -1;
  for (let at = 12; at + 8 <= v.byteLength; ) {
    const id = text(v, at);
    const size = v.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'ds64' && body + 16 <= v.byteLength) {
      ds64DataBytes = Number(v.getBigUint64(body + 8, true));
    } else if (id === 'fmt ' && body + 16 <= v.byteLength) {
      let tag = v.getUint16(body, true);
      const bits = v.getUint16(body + 14, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format tag in the first two bytes of the sub-format GUID.
      if (tag === 0xfffe && size >= 40 && body + 26 <= v.byteLength) tag = v.getUint16(body + 24, true);
      if (tag !== 1 && tag !== 3) throw new DecodeFailure(`WAV format tag ${tag} is compressed; only PCM and float WAV are supported`);
      fmt = {
        sampleRateHz: v.getUint32(body + 4, true),
        channels: v.getUint16(body + 2, true),
        encoding: tag === 3 ? 'float' : 'int',
        bitsPerSample: bits,
        unsigned8: tag === 1 && bits === 8,
        littleEndian: true,
      };
    } else if (id === 'data') {
      if (!fmt) throw new DecodeFailure('WAV data chunk comes before its fmt chunk');
      const declared = rf64 && ds64DataBytes >= 0 ? ds64DataBytes : size;
      return checked({ ...fmt, dataStart: body, dataBytes: Math.min(declared, fileBytes - body) });
    }
    at = body + size + (size & 1);
  }
  throw new DecodeFailure(fmt ? 'WAV has no data chunk (file truncated?)' : 'WAV has no fmt chunk');
}

function parseAiff(v: DataView, fileBytes: number): PcmLayout {
  const aifc = text(v, 8) === 'AIFC';
  let fmt: Omit<PcmLayout, 'dataStart' | 'dataBytes'> | null = null;
  for (let at = 12; at + 8 <= v.byteLength; ) {
    const id = text(v, at);
    const size = v.getUint32(at + 4, false);
    const body = at + 8;
    if (id === 'COMM' && body + 18 <= v.byteLength) {
      const compression = aifc && body + 22 <= v.byteLength ? text(v, body + 18) : 'NONE';
      const bits = v.getUint16(body + 6, false);
      const float = compression === 'fl32' || compression === 'FL32' || compression === 'fl64' || compression === 'FL64';
      if (compression !== 'NONE' && compression !== 'sowt' && compression !== 'twos' && !float) {
        throw new DecodeFailure(`AIFF-C compression '${compression}' is not supported`);
      }
      fmt = {
        sampleRateHz: extended80(v, body + 8),
        channels: v.getUint16(body, false),
        encoding: float ? 'float' : 'int',
        bitsPerSample: float ? (compression.toLowerCase() === 'fl64' ? 64 : 32) : bits,
        unsigned8: false,
        littleEndian: compression === 'sowt',
      };
    } else if (id === 'SSND') {
      if (!fmt) throw new DecodeFailure('AIFF sound data comes before its COMM chunk');
      const offset = v.getUint32(body, false);
      const start = body + 8 + offset;
      return checked({ ...fmt, dataStart: start, dataBytes: Math.min(size - 8 - offset, fileBytes - start) });
    }
    at = body + size + (size & 1);
  }
  throw new DecodeFailure(fmt ? 'AIFF has no SSND chunk (file truncated?)' : 'AIFF has no COMM chunk');
}

/** IEEE 754 80-bit extended float, which AIFF uses for its sample rate. */
function extended80(v: DataView, at: number): number {
  const exponent = v.getUint16(at, false) & 0x7fff;
  const mantissa = v.getUint32(at + 2, false) * 2 ** 32 + v.getUint32(at + 6, false);
  return exponent === 0 ? 0 : mantissa * 2 ** (exponent - 16383 - 63);
}

function checked(layout: PcmLayout): PcmLayout {
  const { channels, bitsPerSample: bits, sampleRateHz, encoding } = layout;
  if (channels < 1 || channels > 32) throw new DecodeFailure(`implausible channel count ${channels}`);
  if (!(sampleRateHz >= 1000 && sampleRateHz <= 768000)) throw new DecodeFailure(`implausible sample rate ${sampleRateHz} Hz`);
  const ok = encoding === 'float' ? bits === 32 || bits === 64 : bits === 8 || bits === 16 || bits === 24 || bits === 32;
  if (!ok) throw new DecodeFailure(`${bits}-bit ${encoding} samples are not supported`);
  if (layout.dataBytes < 0) layout.dataBytes = 0;
  return layout;
}
