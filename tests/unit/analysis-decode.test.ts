// Decoding: every PCM variant built in the test, every compressed format from the corpus, and
// broken input, which must come back as { ok: false, error } with a reason, never a throw or hang.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analysis } from '../../workers/analysis/analysis';
import { openAudio } from '../../workers/analysis/decode';
import { aiffBytes, blobOf, sine, wavBytes } from './analysis-support';

const CORPUS = join(process.cwd(), '../shared/corpus');
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.log(`SKIP corpus decoding tests: ${CORPUS} is absent`);

async function decodeAll(blob: Blob) {
  const { format, stream } = await openAudio(blob);
  const channels: Float32Array[][] = [];
  let fs = 0;
  for await (const c of stream) { channels.push(c.channels); fs = c.sampleRateHz; }
  const n = channels.reduce((a, c) => a + c[0]!.length, 0);
  const first = new Float32Array(n);
  let at = 0;
  for (const c of channels) { first.set(c[0]!, at); at += c[0]!.length; }
  return { format, fs, channelCount: channels[0]?.length ?? 0, first };
}

describe('PCM decoding', () => {
  const x = sine(44100, 0.5, 440, 0.5);
  for (const [bits, float, tolerance] of [[8, false, 1 / 64], [16, false, 1e-4], [24, false, 1e-6], [32, false, 1e-6], [32, true, 1e-7]] as const) {
    it(`reads ${bits}-bit ${float ? 'float' : 'integer'} WAV`, async () => {
      const d = await decodeAll(blobOf(wavBytes([x, x], 44100, bits, float)));
      expect(d).toMatchObject({ format: 'wav', fs: 44100, channelCount: 2 });
      expect(d.first.length).toBe(x.length);
      for (let i = 0; i < x.length; i += 97) expect(Math.abs(d.first[i]! - x[i]!)).toBeLessThan(tolerance);
    });
  }
  it('reads 16-bit AIFF with its 80-bit sample rate', async () => {
    const d = await decodeAll(blobOf(aiffBytes([x], 44100)));
    expect(d).toMatchObject({ format: 'aiff', fs: 44100, channelCount: 1 });
    expect(Math.abs(d.first[1000]! - x[1000]!)).toBeLessThan(1e-4);
  });
  it('keeps the whole frames of a truncated WAV', async () => {
    const bytes = wavBytes([x], 44100, 16);
    const d = await decodeAll(blobOf(bytes.subarray(0, 44 + 1001)));
    expect(d.first.length).toBe(500);
  });
});

describe.skipIf(!hasCorpus)('corpus decoding', () => {
  const pick = (dir: string, re: RegExp) => readdirSync(join(CORPUS, dir)).filter((f) => re.test(f)).map((f) => join(CORPUS, dir, f));
  const samples = [
    ['mp3', pick('key', /\.mp3$/)[0]],
    ['flac', pick('tempo', /\.flac$/)[0]],
    ['wav', pick('key', /\.wav$/)[0]], // 24-bit 48 kHz mono
    ['ogg-vorbis', pick('library', /Vibe_Ace.*\.ogg$/)[0]],
    ['ogg-opus', findOpus()],
  ] as const;
  for (const [format, path] of samples) {
    it.skipIf(!path)(`decodes ${format} (${path?.split('/').pop()})`, async () => {
      const d = await decodeAll(new Blob([readFileSync(path!)]));
      expect(d.format).toBe(format);
      expect(d.first.length / d.fs).toBeGreaterThan(0.5);
      expect(d.first.some((v) => Math.abs(v) > 0.01)).toBe(true);
    });
  }
});

function findOpus(): string | undefined {
  const dir = join(CORPUS, 'tags/music-metadata');
  if (!existsSync(dir)) return undefined;
  const f = readdirSync(dir, { recursive: true }).map(String).find((p) => p.endsWith('.opus'));
  return f ? join(dir, f) : undefined;
}

describe('bad input', () => {
  const expectFailure = async (bytes: Uint8Array, reason: RegExp) => {
    const o = await analysis.analyse({ trackId: 't', path: 'bad/file', file: blobOf(bytes) });
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.error).toMatch(reason);
  };
  it('reports an empty file', () => expectFailure(new Uint8Array(0), /bad\/file: the file is empty/));
  it('reports random bytes', () => {
    const junk = new Uint8Array(50_000);
    let s = 1;
    for (let i = 0; i < junk.length; i++) { s = (s * 1103515245 + 12345) >>> 0; junk[i] = s >>> 24; }
    junk[0] = 0x12; // not an accidental MPEG sync
    return expectFailure(junk, /not a recognised audio file/);
  });
  it('reports a WAV cut inside its header', () => expectFailure(wavBytes([sine(8000, 1, 440, 0.5)], 8000, 16).subarray(0, 30), /WAV/));
  it('reports a WAV whose data chunk is empty', () => expectFailure(wavBytes([new Float32Array(0)], 8000, 16), /no audio samples/));
  it.skipIf(!hasCorpus)('reports an MP3 cut after its first few hundred bytes', () => {
    const mp3 = readFileSync(join(CORPUS, 'key/song000.mp3'));
    return expectFailure(new Uint8Array(mp3.subarray(0, 300)), /./);
  });
  it.skipIf(!hasCorpus)('reports an Ogg file cut inside its headers', () => {
    const ogg = readFileSync(join(CORPUS, 'library/Kevin_MacLeod_-_Vibe_Ace.hq.ogg'));
    return expectFailure(new Uint8Array(ogg.subarray(0, 200)), /./);
  });
  it('reports MP4 in Node as needing WebCodecs', () => {
    const mp4 = new Uint8Array(64);
    mp4.set([0, 0, 0, 32, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]);
    return expectFailure(mp4, /needs WebCodecs/);
  });
});

describe.skipIf(!hasCorpus)('containers the decoders do not read are named in the reason', () => {
  const tags = join(CORPUS, 'tags/music-metadata');
  it.each([
    ["MusicBrainz - Beth Hart - Sinner's Prayer.wma", /Windows Media Audio \(ASF\) audio cannot be decoded for analysis yet/],
    ["MusicBrainz - Beth Hart - Sinner's Prayer.ape", /Monkey's Audio \(APE\) audio cannot be decoded/],
    ['dsf/2L-110_stereo-5644k-1b_04_0.1-sec.dsf', /DSD \(DSF\) audio cannot be decoded/],
  ])('%s', async (file, reason) => {
    const path = join(tags, file);
    await expect(openAudio(new Blob([readFileSync(path)]))).rejects.toThrow(reason);
  });
});
