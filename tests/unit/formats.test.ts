// Issue 16, "every file accounted for": which names are read, which are audio Wolfie cannot
// read (by name), and the reason a person reads for everything else. The admitted list is held
// to what music-metadata really parses, on the corpus files whose extensions were added.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIO_EXTENSIONS, looksLikeAudio, needsContentCheck, skipReason, UNSUPPORTED_FORMATS } from '../../src/domain/formats';
import { summariseSkipped, unsupportedFormats, unsupportedPhrase } from '../../src/domain/skipped';
import { readTags } from '../../workers/ingest/tags';
import { CORPUS, hasCorpus } from '../support/corpus';

describe('skipReason', () => {
  it('reads every audio extension, whatever its case', () => {
    for (const ext of AUDIO_EXTENSIONS) expect(skipReason(`Music/a/track.${ext.toUpperCase()}`), ext).toBeNull();
  });

  it('names the formats Wolfie cannot read', () => {
    expect(skipReason('Music/a.tta')).toEqual({ kind: 'unsupported-format', text: 'format not supported: TrueAudio', format: 'TrueAudio' });
    expect(skipReason('Music/b.TAK')?.text).toBe('format not supported: TAK');
    expect(skipReason('Music/c.ofs')?.format).toBe('OptimFROG');
    expect(skipReason('Music/d.shn')?.format).toBe('Shorten');
    expect(skipReason('Music/e.ac3')?.format).toBe('AC-3');
    expect(skipReason('Music/e.eac3')?.format).toBe('E-AC-3');
    expect(skipReason('Music/f.dts')?.format).toBe('DTS');
    for (const ext of ['mod', 'xm', 's3m', 'it', 'mtm', 'umx']) expect(skipReason(`Music/song.${ext}`)?.format).toBe('tracker module');
    expect(skipReason('Music/g.mid')?.format).toBe('MIDI');
    expect(skipReason('Music/h.midi')?.format).toBe('MIDI');
    expect(skipReason('Music/i.ra')?.format).toBe('RealAudio');
    expect(skipReason('Music/j.amr')?.format).toBe('AMR');
    expect(skipReason('Music/k.au')?.format).toBe('Sun audio (AU)');
    expect(skipReason('Music/l.voc')?.format).toBe('Creative Voice (VOC)');
    expect(skipReason('Music/m.aax')?.format).toBe('Audible');
    expect(skipReason('Music/n.caf')?.format).toBe('Core Audio Format (CAF)');
  });

  it('never lists one extension as both read and unsupported', () => {
    for (const ext of UNSUPPORTED_FORMATS.keys()) expect(AUDIO_EXTENSIONS.has(ext), ext).toBe(false);
  });

  it('keeps plain non-audio and hidden files as reasons', () => {
    expect(skipReason('Music/Album/cover.jpg')).toEqual({ kind: 'not-audio', text: 'not audio (.jpg)', format: null });
    for (const ext of ['txt', 'nfo', 'cue', 'm3u', 'log', 'pdf']) expect(skipReason(`Music/x.${ext}`)).toMatchObject({ kind: 'not-audio', text: `not audio (.${ext})` });
    expect(skipReason('Music/.DS_Store')).toEqual({ kind: 'hidden', text: 'hidden file', format: null });
    expect(skipReason('Music/.hidden/secret.mp3')).toEqual({ kind: 'hidden', text: 'in a hidden folder (.hidden)', format: null });
    // The chosen folder's own name is not a reason.
    expect(skipReason('.music/a.mp3')).toBeNull();
  });

  it('judges a name without an extension by its first bytes', () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
    const text = new TextEncoder().encode('Copyright (c) 2024 ...');
    expect(needsContentCheck('Music/README', skipReason('Music/README'))).toBe(true);
    expect(needsContentCheck('Music/notes.txt', skipReason('Music/notes.txt'))).toBe(false);
    expect(skipReason('Music/track', mp3)).toBeNull();
    expect(skipReason('Music/LICENSE', text)).toEqual({ kind: 'not-audio', text: 'not audio (no extension)', format: null });
    expect(looksLikeAudio(new TextEncoder().encode('fLaC\0\0\0\x22'))).toBe(true);
    expect(looksLikeAudio(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))).toBe(true); // an MPEG-1 layer III frame
    expect(looksLikeAudio(new Uint8Array([0xff, 0xf1, 0x50, 0x80]))).toBe(true); // ADTS AAC
    expect(looksLikeAudio(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(false); // PNG
  });
});

describe('what the library page and the toast say', () => {
  const groups = [
    { kind: 'unsupported-format' as const, format: 'TAK', files: 1 },
    { kind: 'unsupported-format' as const, format: 'TrueAudio', files: 2 },
    { kind: 'not-audio' as const, format: null, files: 4 },
    { kind: 'hidden' as const, format: null, files: 1 },
  ];

  it('leads with the formats, most files first, and notes the rest apart', () => {
    expect(summariseSkipped(groups)).toEqual({
      unsupported: '3 files skipped: format not supported: TrueAudio (2), TAK (1)',
      others: 'Also left out: 4 files that are not audio and 1 hidden file or folder.',
      total: 8,
    });
    expect(summariseSkipped(groups.slice(2, 3))).toEqual({ unsupported: null, others: 'Left out: 4 files that are not audio.', total: 4 });
    expect(summariseSkipped([])).toEqual({ unsupported: null, others: null, total: 0 });
  });

  it('counts files per format for the run', () => {
    expect(unsupportedFormats(groups)).toEqual([{ format: 'TrueAudio', files: 2 }, { format: 'TAK', files: 1 }]);
    expect(unsupportedPhrase(unsupportedFormats(groups))).toBe('3 in formats Wolfie cannot read (TrueAudio 2, TAK 1)');
    expect(unsupportedPhrase([])).toBeNull();
  });
});

// The extensions admitted beyond the obvious ones, each with a corpus file music-metadata parses.
const ADMITTED_BY_CONTENT: [string, string][] = [
  ['music-metadata/wav/issue-1163.bwf', 'WAVE'],
  ['music-metadata/ogg/short.ogv', 'Ogg'],
  ['music-metadata/mp4/sample_640x360.mov', 'qt'],
  ['music-metadata/mp4/issue-2672.m4b', 'isom/iso2/mp41'],
  ['music-metadata/matroska/02 - Poxfil - Solid Ground (5 sec).mka', 'EBML/matroska'],
  ['music-metadata/asf/elephant.asf', 'ASF/video'],
];

describe.skipIf(!hasCorpus)('the admitted extensions are what music-metadata reads (corpus)', () => {
  it('parses a corpus file of each extension added to the list', async () => {
    for (const [rel, container] of ADMITTED_BY_CONTENT) {
      expect(skipReason(`tags/${rel}`), rel).toBeNull();
      const record = await readTags(rel, new Blob([readFileSync(`${CORPUS}/tags/${rel}`)]));
      expect(record.container, rel).toBe(container);
    }
  });

  it('a WebM audio stream is admitted: its reader gives a record with the reason when it fails', async () => {
    const rel = 'music-metadata/matroska/stream.weba';
    expect(skipReason(rel)).toBeNull();
    const record = await readTags(rel, new Blob([readFileSync(`${CORPUS}/tags/${rel}`)]));
    expect(record.container ?? record.error).toBeTruthy();
  });

  it('an extension-less MP3 is admitted by its first bytes, an ID3-only test file is not audio', () => {
    const mp3 = readFileSync(`${CORPUS}/tags/music-metadata/mp3/1a643e9e0743dee8732554d0e870055a`);
    expect(skipReason('tags/1a643e9e0743dee8732554d0e870055a', new Uint8Array(mp3.subarray(0, 16)))).toBeNull();
    expect(skipReason("tags/MusicBrainz - Beth Hart - Sinner's Prayer.id3v23")?.text).toBe('not audio (.id3v23)');
  });
});
