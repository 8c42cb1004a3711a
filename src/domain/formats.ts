// Which files are music Wolfie reads, which are audio in a format it cannot read, and why any
// other file found while scanning is left out. Every file of a chosen folder ends in one of these.

/**
 * Extensions music-metadata 11 reads. It picks its parser from the file's first bytes, not its
 * name (workers/ingest/tags.ts hands it a Blob without a name), so this is the list of names a
 * parser of it claims whose content it was seen to parse (bwf, ogv, m4v, mov, weba, wmv were
 * checked on real and ffmpeg-made files). Video containers are here for their audio track: a
 * file without one ends as a row with its reason, like any other unreadable audio.
 */
export const AUDIO_EXTENSIONS = new Set([
  'mp3', 'mp2', 'mp1', 'm2a', 'aac', 'flac', 'ogg', 'oga', 'ogv', 'ogm', 'ogx', 'opus', 'spx',
  'm4a', 'm4b', 'm4r', 'm4v', 'mp4', 'mov', 'wav', 'wave', 'bwf', 'aif', 'aiff', 'aifc',
  'wma', 'wmv', 'asf', 'wv', 'ape', 'mpc', 'dsf', 'dff', 'webm', 'weba', 'mka', 'mkv',
]);

const TRACKER = 'tracker module';

/**
 * Audio formats Wolfie knows by name but cannot read: music-metadata finds no parser for them
 * (TTA, AU, CAF, VOC, AC-3, 3GP and RealMedia were tried), or, for m4p, the audio is encrypted.
 */
export const UNSUPPORTED_FORMATS: ReadonlyMap<string, string> = new Map([
  ['tta', 'TrueAudio'], ['tak', 'TAK'], ['ofr', 'OptimFROG'], ['ofs', 'OptimFROG'], ['shn', 'Shorten'], ['la', 'Lossless Audio (LA)'],
  ['ac3', 'AC-3'], ['eac3', 'E-AC-3'], ['ec3', 'E-AC-3'], ['dts', 'DTS'], ['dtshd', 'DTS'], ['mlp', 'MLP'], ['thd', 'Dolby TrueHD'],
  ['mod', TRACKER], ['xm', TRACKER], ['s3m', TRACKER], ['it', TRACKER], ['mtm', TRACKER], ['umx', TRACKER], ['669', TRACKER], ['med', TRACKER], ['stm', TRACKER],
  ['mid', 'MIDI'], ['midi', 'MIDI'], ['kar', 'MIDI'], ['rmi', 'MIDI'],
  ['ra', 'RealAudio'], ['rm', 'RealAudio'], ['amr', 'AMR'], ['awb', 'AMR'], ['3gp', '3GPP'], ['3ga', '3GPP'],
  ['au', 'Sun audio (AU)'], ['snd', 'Sun audio (AU)'], ['voc', 'Creative Voice (VOC)'], ['caf', 'Core Audio Format (CAF)'],
  ['w64', 'Sony Wave64'], ['gsm', 'GSM'], ['pcm', 'raw PCM'], ['vqf', 'TwinVQ'],
  ['oma', 'ATRAC'], ['omg', 'ATRAC'], ['aa3', 'ATRAC'], ['at3', 'ATRAC'],
  ['aa', 'Audible'], ['aax', 'Audible'], ['m4p', 'protected iTunes AAC (FairPlay)'],
  ['sid', 'SID (Commodore 64)'], ['spc', 'SPC (SNES)'], ['nsf', 'NSF (NES)'], ['nsfe', 'NSF (NES)'], ['vgm', 'VGM'], ['vgz', 'VGM'],
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type SkipKind = 'hidden' | 'not-audio' | 'unsupported-format';

export interface SkipReason {
  kind: SkipKind;
  /** What a person reads: "format not supported: TrueAudio", "not audio (.jpg)", "hidden file". */
  text: string;
  /** The format's name, for unsupported formats only (what the library page groups by). */
  format: string | null;
}

export const UNSUPPORTED_PREFIX = 'format not supported: ';

/**
 * Why a file found while scanning is not read, or null when it is music. A name without an
 * extension is judged by its first bytes when `head` is given (music-metadata would read it).
 */
export function skipReason(path: string, head?: Uint8Array): SkipReason | null {
  const segments = path.split('/');
  const name = segments.at(-1) ?? '';
  // The first segment is the chosen folder itself; a hidden name below it hides the file.
  if (name.startsWith('.')) return { kind: 'hidden', text: 'hidden file', format: null };
  const hiddenFolder = segments.slice(1, -1).find((s) => s.startsWith('.'));
  if (hiddenFolder) return { kind: 'hidden', text: `in a hidden folder (${hiddenFolder})`, format: null };
  const ext = extensionOf(name);
  if (AUDIO_EXTENSIONS.has(ext)) return null;
  const format = UNSUPPORTED_FORMATS.get(ext);
  if (format) return { kind: 'unsupported-format', text: UNSUPPORTED_PREFIX + format, format };
  if (ext === '' && head && looksLikeAudio(head)) return null;
  return { kind: 'not-audio', text: ext ? `not audio (.${ext})` : 'not audio (no extension)', format: null };
}

/** A hidden folder is left out whole, unread: one reason for all it holds. */
export const HIDDEN_FOLDER: SkipReason = { kind: 'hidden', text: 'hidden folder (not read)', format: null };

/** Whether a name without an extension must be judged by its content (`skipReason` with `head`). */
export function needsContentCheck(path: string, reason: SkipReason | null): boolean {
  return reason?.kind === 'not-audio' && extensionOf(path.split('/').at(-1) ?? '') === '';
}

/** Bytes `looksLikeAudio` wants to see. */
export const HEAD_BYTES = 16;

const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));

/**
 * The signatures of the containers music-metadata parses (a subset of its file-type detection):
 * enough to admit an extension-less file that is audio, and to leave out a README or LICENSE.
 */
export function looksLikeAudio(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const head = ascii(b, 0, 4);
  if (['fLaC', 'OggS', 'MAC ', 'wvpk', 'MPCK', 'DSD ', 'FRM8'].includes(head) || head.startsWith('ID3') || head.startsWith('MP+')) return true;
  if (head === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return true;
  if (head === 'FORM' && ascii(b, 8, 3) === 'AIF') return true;
  if (ascii(b, 4, 4) === 'ftyp') return true;
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return true; // EBML: Matroska, WebM
  if (b[0] === 0x30 && b[1] === 0x26 && b[2] === 0xb2 && b[3] === 0x75) return true; // ASF header GUID
  // MPEG audio or ADTS: an 11-bit frame sync with a layer that is not reserved.
  return b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && ((b[1]! & 0x06) !== 0 || (b[1]! & 0xf6) === 0xf0);
}
