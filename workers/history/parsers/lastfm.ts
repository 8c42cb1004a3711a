// Last.fm scrobble CSV to ListenRecords. Layouts seen from the common exporters:
//   header 'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid' (comma or tab);
//   any header naming artist + track/title + a time column, in any order;
//   no header, 'artist,album,track,date' (lastfm-to-csv); no header, tab-separated
//   'uts\ttrack\tartist\talbum\ttrack_mbid\tartist_mbid\talbum_mbid' (lastexport.py).
// The scrobble time is when the track started. Placeholder dates are kept but flagged suspect.
import Papa from 'papaparse';
import type { ListenRecord } from '../api';
import { ParseError, type RecordSink } from '../sink';
import { CsvRecordCutter } from './csv-records';
import type { TextParser } from './types';
import { isSuspectTime, nonEmpty, parseUtc } from './values';

interface Columns { time: number[]; artist: number; track: number; album: number | null; mbid: number | null }

const NAMES = {
  time: ['uts', 'timestamp', 'date_uts', 'unix', 'utc_time', 'date', 'time', 'datetime', 'played_at', 'scrobble time'],
  artist: ['artist', 'artist_name', 'artist name', 'artistname'],
  track: ['track', 'title', 'track_name', 'track name', 'trackname', 'name', 'song'],
  album: ['album', 'album_name', 'album name', 'albumname'],
  mbid: ['track_mbid', 'mbid', 'track mbid'],
};

const isUts = (s: string | undefined): boolean => s !== undefined && /^\s*\d{9,13}\s*$/.test(s);

/** Column layout from the first record, and whether that record is a header. */
export function layoutOf(first: string[]): { columns: Columns; header: boolean } | null {
  const lower = first.map((f) => f.trim().toLowerCase());
  const find = (names: string[]): number => names.map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
  const artist = find(NAMES.artist);
  const track = find(NAMES.track);
  if (artist >= 0 && track >= 0) {
    // Try every time column in preference order: 'uts' first, text dates as a fallback.
    const time = NAMES.time.map((n) => lower.indexOf(n)).filter((i) => i >= 0);
    if (time.length === 0) return null;
    const album = find(NAMES.album);
    const mbid = find(NAMES.mbid);
    return { header: true, columns: { time, artist, track, album: album >= 0 ? album : null, mbid: mbid >= 0 ? mbid : null } };
  }
  if (isUts(first[0]) && first.length >= 8) return { header: false, columns: { time: [0, 1], artist: 2, album: 4, track: 6, mbid: 7 } };
  if (isUts(first[0]) && first.length >= 4) return { header: false, columns: { time: [0], track: 1, artist: 2, album: 3, mbid: first.length > 4 ? 4 : null } };
  if (first.length === 4 && parseUtc(first[3]) !== null) return { header: false, columns: { time: [3], artist: 0, album: 1, track: 2, mbid: null } };
  return null;
}

function listenFrom(row: string[], c: Columns, lineNo: number): ListenRecord | string {
  const title = nonEmpty(row[c.track]);
  if (!title) return 'no track title';
  let playedAtMs: number | null = null;
  for (const i of c.time) if ((playedAtMs = parseUtc(row[i])) !== null) break;
  if (playedAtMs === null) return `unreadable time ${JSON.stringify(row[c.time[0]!] ?? '')}`;
  return {
    source: 'lastfm',
    sourceRowId: String(lineNo),
    playedAtMs,
    msPlayed: null,
    artist: nonEmpty(row[c.artist]),
    title,
    album: c.album === null ? null : nonEmpty(row[c.album]),
    skipped: null,
    reasonStart: null,
    reasonEnd: null,
    shuffle: null,
    timestampSuspect: isSuspectTime(playedAtMs),
    sourceTrackId: c.mbid === null ? null : nonEmpty(row[c.mbid]),
    offline: null,
  };
}

export function lastfmParser(sink: RecordSink): TextParser {
  const cutter = new CsvRecordCutter();
  let delimiter: string | null = null;
  let columns: Columns | null = null;
  let line = 0; // records, 1-based; equals the file line unless a field holds a newline

  const feed = (text: string): void => {
    // Drop the last record's newline, else papaparse adds an empty row that would skew line numbers.
    text = text.replace(/\r?\n$/, '');
    if (text === '') return;
    delimiter ??= (text.split('\n', 1)[0]!.match(/\t/g)?.length ?? 0) > 0 ? '\t' : ',';
    const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
    const rows = parsed.data;
    // papaparse reports a bad quote on the row it saw; keep those rows out rather than guess.
    const badRows = new Map(parsed.errors.filter((e) => e.row !== undefined).map((e) => [e.row!, e.message]));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      line++;
      if (row.length === 1 && row[0]!.trim() === '') continue;
      if (!columns) {
        const layout = layoutOf(row);
        if (!layout) throw new ParseError('no artist, track and time columns recognised: not a Last.fm scrobble export', `line ${line}`);
        columns = layout.columns;
        if (layout.header) continue;
      }
      const bad = badRows.get(r);
      const result = bad ? `malformed CSV: ${bad}` : listenFrom(row, columns, line);
      if (typeof result === 'string') sink.reject(`line ${line}`, result);
      else sink.keepListen(result);
    }
  };

  return {
    write: (text) => feed(cutter.push(text)),
    end() {
      const { text, unclosedQuote } = cutter.rest();
      if (unclosedQuote) throw new ParseError('file is truncated: a quoted field never closes', `line ${line + 1}`);
      feed(text);
      if (!columns) throw new ParseError('no scrobbles found (empty export)', 'line 1');
    },
  };
}
