// Which export a file is, from its first bytes (never its name: exports get renamed, and a zip
// holds files under any name). Returns a format id or a reason it is not one we read.
export type Format =
  | 'zip'
  | 'spotify-extended-json'
  | 'spotify-endsong-json'
  | 'spotify-account-json'
  | 'itunes-plist'
  | 'rekordbox-xml'
  | 'lastfm-csv';

export type Detection = { format: Format } | { format: null; reason: string };

/** Bytes enough to see the first record of any of the exports. */
export const SNIFF_BYTES = 16 * 1024;

const has = (text: string, ...keys: string[]): boolean => keys.every((k) => new RegExp(`"${k}"\\s*:`).test(text));

export function detect(head: Uint8Array): Detection {
  if (head.length === 0) return { format: null, reason: 'the file is empty' };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return { format: 'zip' };
  const probe = head.subarray(0, 1024);
  // UTF-16 exports start with a BOM; binary files (audio, images) hold NULs early.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { format: null, reason: 'UTF-16 text is not supported: re-export or save the file as UTF-8' };
  }
  if (probe.includes(0)) return { format: null, reason: 'a binary file (audio, image or archive?), not a listening-history export' };
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return { format: null, reason: 'the file is empty' };
  if (trimmed.startsWith('[')) return detectJson(trimmed);
  if (trimmed.startsWith('{')) return { format: null, reason: 'a JSON object, not an array of plays (is this Spotify account data other than StreamingHistory?)' };
  if (/<plist[\s>]/.test(text) || /<!DOCTYPE plist/.test(text)) return { format: 'itunes-plist' };
  if (/<DJ_PLAYLISTS[\s>]/.test(text)) return { format: 'rekordbox-xml' };
  if (/<\?xml|^\s*</.test(text)) return { format: null, reason: 'XML, but neither an iTunes/Apple Music library nor a rekordbox collection' };
  const firstLine = trimmed.split(/\r?\n/, 1)[0]!;
  if ((firstLine.match(/[,\t]/g)?.length ?? 0) >= 3) return { format: 'lastfm-csv' };
  return { format: null, reason: 'not a recognised listening-history export (Spotify JSON, iTunes XML, Last.fm CSV, rekordbox XML or a zip of them)' };
}

function detectJson(text: string): Detection {
  if (/^\[\s*\]/.test(text)) return { format: null, reason: 'an empty JSON array: the export has no plays' };
  if (has(text, 'ts', 'ms_played')) {
    // Legacy endsong files carry username and *_decrypted fields the newer files dropped.
    return { format: has(text, 'username') || /"ip_addr_decrypted"/.test(text) ? 'spotify-endsong-json' : 'spotify-extended-json' };
  }
  if (has(text, 'endTime', 'trackName')) return { format: 'spotify-account-json' };
  if (has(text, 'endTime', 'podcastName')) return { format: null, reason: 'Spotify podcast history, not music' };
  return { format: null, reason: 'a JSON array, but not Spotify streaming history' };
}
