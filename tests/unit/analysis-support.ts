// Synthetic audio for the analysis tests: signals with known loudness, and WAV/AIFF files built
// byte by byte so every PCM variant is covered without binary fixtures.

export function sine(fs: number, seconds: number, hz: number, amplitude: number, phase = 0): Float32Array {
  const x = new Float32Array(Math.round(fs * seconds));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / fs + phase);
  return x;
}

/** A PCM WAV (int 8/16/24/32 or float 32) of the given planar channels. */
export function wavBytes(channels: Float32Array[], fs: number, bits: 8 | 16 | 24 | 32, float = false): Uint8Array {
  const n = channels[0]!.length, bps = bits / 8, data = n * channels.length * bps;
  const out = new Uint8Array(44 + data);
  const v = new DataView(out.buffer);
  const tag = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'RIFF'); v.setUint32(4, 36 + data, true); tag(8, 'WAVE'); tag(12, 'fmt ');
  v.setUint32(16, 16, true); v.setUint16(20, float ? 3 : 1, true); v.setUint16(22, channels.length, true);
  v.setUint32(24, fs, true); v.setUint32(28, fs * channels.length * bps, true); v.setUint16(32, channels.length * bps, true);
  v.setUint16(34, bits, true); tag(36, 'data'); v.setUint32(40, data, true);
  let at = 44;
  for (let i = 0; i < n; i++) {
    for (const ch of channels) {
      const s = Math.max(-1, Math.min(1, ch[i]!));
      if (float) v.setFloat32(at, s, true);
      else if (bits === 8) v.setUint8(at, Math.round(s * 127) + 128);
      else if (bits === 16) v.setInt16(at, Math.round(s * 32767), true);
      else if (bits === 24) { const q = Math.round(s * 8388607); v.setUint8(at, q & 255); v.setUint8(at + 1, (q >> 8) & 255); v.setUint8(at + 2, (q >> 16) & 255); }
      else v.setInt32(at, Math.round(s * 2147483647), true);
      at += bps;
    }
  }
  return out;
}

/** A 16-bit big-endian AIFF of the given planar channels. */
export function aiffBytes(channels: Float32Array[], fs: number): Uint8Array {
  const n = channels[0]!.length, data = n * channels.length * 2;
  const out = new Uint8Array(54 + data);
  const v = new DataView(out.buffer);
  const tag = (at: number, s: string) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'FORM'); v.setUint32(4, 46 + data); tag(8, 'AIFF'); tag(12, 'COMM'); v.setUint32(16, 18);
  v.setUint16(20, channels.length); v.setUint32(22, n); v.setUint16(26, 16);
  // 80-bit extended sample rate: exponent then 64-bit mantissa with the explicit leading 1.
  const e = Math.floor(Math.log2(fs));
  v.setUint16(28, 16383 + e);
  v.setUint32(30, Math.floor((fs / 2 ** e) * 2 ** 31));
  v.setUint32(34, 0);
  tag(38, 'SSND'); v.setUint32(42, 8 + data); v.setUint32(46, 0); v.setUint32(50, 0);
  let at = 54;
  for (let i = 0; i < n; i++) for (const ch of channels) { v.setInt16(at, Math.round(ch[i]! * 32767)); at += 2; }
  return out;
}

export const blobOf = (bytes: Uint8Array): Blob => new Blob([bytes as Uint8Array<ArrayBuffer>]);
