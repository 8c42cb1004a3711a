// Tag reading with music-metadata: a flat, typed record per file plus the native tags as
// bounded JSON for raw. A file that cannot be read becomes a record with a reason, never a throw.
import { parseFromTokenizer, type IAudioMetadata } from 'music-metadata';
import { CachedBlobTokenizer } from './cached-blob-tokenizer';
import type { TagRecord } from './api';
import { readCounters, readRating } from './interaction-tags';

export const READER = 'music-metadata 11.16.1';
const MAX_VALUE_CHARS = 2_000;
const MAX_NATIVE_JSON_CHARS = 32_000;
const PICTURE_TAGS = new Set(['APIC', 'PIC', 'METADATA_BLOCK_PICTURE', 'covr', 'WM/Picture', 'Cover Art (Front)']);

export async function readTags(path: string, file: Blob): Promise<Omit<TagRecord, 'fingerprint'>> {
  if (file.size === 0) return failed(path, 'Empty file (0 bytes): nothing to read. Re-copy it from its source.');
  try {
    // duration: false reads only the headers where the format allows; the analyser measures exact
    // duration. The tags at the end of a file (ID3v1, APE, Lyrics3) are read only when the ones at
    // the start gave no title and the file does end in such a tag: a damaged ID3v2 often sits in
    // front of a good ID3v1, but most untitled files have no trailer and one parse is enough.
    const parse = (skipPostHeaders: boolean) =>
      parseFromTokenizer(new CachedBlobTokenizer(file, path), { skipCovers: true, duration: false, skipPostHeaders });
    let meta = await parse(true);
    if (!meta.common.title && (await endsInTags(file))) meta = await parse(false).catch(() => meta);
    if (!meta.format.container && !meta.format.codec && !meta.format.sampleRate) {
      return failed(path, 'No audio stream found: the file does not look like audio despite its name.');
    }
    const record = fromMetadata(path, meta);
    return { ...record, ...checkDate(record.date_text, record.year) };
  } catch (error) {
    return failed(path, explain(error));
  }
}

function fromMetadata(path: string, meta: IAudioMetadata): Omit<TagRecord, 'fingerprint'> {
  const { common, format } = meta;
  const text = (v: string | undefined | null) => clean(v);
  const list = (v: readonly string[] | undefined) => (v && v.length ? clean(v.join('\n')) : null);
  const num = (v: number | undefined | null) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  // A damaged header or tag can say anything (track 4294967295, 2^40 channels): a count outside
  // what a real file holds is no value rather than a number the database would refuse.
  const count = (v: number | undefined | null, max: number) => {
    const n = num(v);
    return n !== null && Number.isInteger(n) && n >= 0 && n <= max ? n : null;
  };
  return {
    path,
    reader: READER,
    container: text(format.container),
    codec: text(format.codec),
    lossless: format.lossless ?? null,
    duration_s: num(format.duration),
    sample_rate_hz: count(format.sampleRate, 10_000_000),
    bitrate_kbps: format.bitrate ? Math.round(format.bitrate / 100) / 10 : null,
    channels: count(format.numberOfChannels, 1_024),
    bits_per_sample: count(format.bitsPerSample, 1_024),
    artist: text(common.artist),
    artists: list(common.artists),
    title: text(common.title),
    album: text(common.album),
    album_artist: text(common.albumartist),
    genre: list(common.genre),
    label: list(common.label) ?? list(common.publisher),
    year: count(common.year, 9_999),
    date_text: text(common.date),
    track_no: count(common.track.no, 1_000_000),
    disc_no: count(common.disk.no, 1_000_000),
    bpm_tag: num(common.bpm),
    key_tag: text(common.key),
    rating_tag: readRating(common, meta.native),
    play_count_tag: count(readCounters(meta.native), 2 ** 31 - 1),
    comment: clean(common.comment?.map((c) => c.text ?? '').join('\n')),
    common_json: boundedJson(common, MAX_NATIVE_JSON_CHARS),
    native_json: boundedJson(nativeWithoutPictures(meta.native), MAX_NATIVE_JSON_CHARS),
    warnings: meta.quality.warnings.length ? clean([...new Set(meta.quality.warnings.map((w) => w.message.trim()))].join('\n')) : null,
    error: null,
  };
}

/** Whether the file ends in an ID3v1 ('TAG' 128 bytes from the end), APEv2 or Lyrics3 tag. */
async function endsInTags(file: Blob): Promise<boolean> {
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 256)).arrayBuffer());
  const text = new TextDecoder('latin1').decode(tail);
  return text.slice(-128, -125) === 'TAG' || text.includes('APETAGEX') || text.includes('LYRICS200') || text.includes('LYRICSEND');
}

const DATE_PATTERN = /^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?([T ].*)?$/;

/**
 * A date tag that is not a date ('Oct 3, 1995') is reported per file; the year is still
 * recovered from it when it holds one, and every other tag is kept.
 */
function checkDate(dateText: string | null, year: number | null): { year: number | null; error: string | null } {
  if (!dateText || DATE_PATTERN.test(dateText)) return { year, error: null };
  const found = /\b(1[89]\d\d|20\d\d)\b/.exec(dateText);
  const recovered = year ?? (found ? Number(found[1]) : null);
  return {
    year: recovered,
    error: `Unparseable date tag ${JSON.stringify(dateText)} (expected YYYY or YYYY-MM-DD)${recovered ? `; year taken as ${recovered}` : ''}. Other tags were read; fix the date in a tag editor.`,
  };
}

function nativeWithoutPictures(native: IAudioMetadata['native']): Record<string, { id: string; value: unknown }[]> {
  const out: Record<string, { id: string; value: unknown }[]> = {};
  for (const [tagType, tags] of Object.entries(native)) {
    out[tagType] = tags.filter((t) => !PICTURE_TAGS.has(t.id)).map((t) => ({ id: t.id, value: t.value }));
  }
  return out;
}

/** JSON with binary replaced by its length and long strings cut, so a 3 MB tag stays a few KB in raw. */
function boundedJson(value: unknown, maxChars: number): string {
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return `<${v.length} bytes>`;
    if (typeof v === 'string' && v.length > MAX_VALUE_CHARS) return `${v.slice(0, MAX_VALUE_CHARS)}… (${v.length} chars)`;
    if (typeof v === 'bigint') return Number(v);
    return v;
  });
  return json.length > maxChars ? JSON.stringify({ truncated: true, chars: json.length, head: json.slice(0, maxChars) }) : json;
}

/** Trims, drops NULs (some ID3 writers pad with them), NFC-normalises, and caps length. */
function clean(value: string | undefined | null): string | null {
  if (value == null) return null;
  const s = value.replace(/\0+/g, ' ').trim().normalize('NFC');
  return s ? s.slice(0, MAX_VALUE_CHARS) : null;
}

function explain(error: unknown): string {
  // A TypeError is the parser's own bug on damaged input (music-metadata on broken Matroska sizes:
  // "Cannot read properties of undefined (reading 'samplingFrequency')"): its words tell a person nothing.
  if (error instanceof TypeError) {
    return 'Tags could not be read: the file is damaged in a way the tag reader does not handle. Re-copy it from its source, or repair it in a tag editor.';
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/MIME-type|Failed to determine|unsupported/i.test(message)) {
    return `Not a recognised audio format (${message}). If it is audio, convert it to a common format.`;
  }
  if (/End-Of-Stream|EndOfStream|end of stream/i.test(message)) {
    return 'The file ends too early (truncated while copying?): its header could not be read. Re-copy it from its source.';
  }
  return `Tags could not be read: ${message}`;
}

function failed(path: string, error: string): Omit<TagRecord, 'fingerprint'> {
  return {
    path, reader: READER, container: null, codec: null, lossless: null, duration_s: null, sample_rate_hz: null,
    bitrate_kbps: null, channels: null, bits_per_sample: null, artist: null, artists: null, title: null, album: null,
    album_artist: null, genre: null, label: null, year: null, date_text: null, track_no: null, disc_no: null,
    bpm_tag: null, key_tag: null, rating_tag: null, play_count_tag: null, comment: null, common_json: null,
    native_json: null, warnings: null, error,
  };
}
