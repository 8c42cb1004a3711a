// iTunes / Apple Music "Library.xml" (a plist) to LibraryEntryRecords, streamed: only the track
// dictionary being read is held, never the whole plist tree. Counters, dates, rating, loved.
import { normaliseRating } from '../../../src/domain/rating';
import type { LibraryEntryRecord } from '../api';
import { ParseError, type RecordSink } from '../sink';
import type { TextParser } from './types';
import { fileUrlToPath, nonEmpty, parseUtc, toNumber } from './values';
import { xmlParser } from './xml';

type Plain = string | number | boolean;
const VALUE_TAGS = new Set(['string', 'integer', 'real', 'date', 'data']);

/** HFS+ epoch (1904) to Unix: the old local-time 'Play Date' integer, used only without 'Play Date UTC'. */
const HFS_TO_UNIX_S = 2_082_844_800;

function entryFrom(t: Map<string, Plain>): LibraryEntryRecord | string {
  const str = (k: string): string | null => nonEmpty(t.get(k));
  const num = (k: string): number | null => { const v = t.get(k); return typeof v === 'number' ? v : toNumber(typeof v === 'string' ? v : null); };
  const date = (k: string): number | null => parseUtc(str(k));
  if (t.get('Podcast') === true) return 'podcast episode, not music';
  if (t.get('Has Video') === true || t.get('Movie') === true || t.get('TV Show') != null) return 'video, not music';
  const id = str('Persistent ID') ?? str('Track ID');
  if (!id) return 'no Persistent ID or Track ID';
  const playDate = num('Play Date');
  const totalMs = num('Total Time');
  return {
    source: 'itunes',
    sourceRowId: id,
    artist: str('Artist') ?? str('Album Artist'),
    title: str('Name'),
    album: str('Album'),
    durationS: totalMs === null ? null : totalMs / 1000,
    location: fileUrlToPath(str('Location')),
    playCount: num('Play Count') ?? 0,
    skipCount: num('Skip Count') ?? 0,
    lastPlayedAtMs: date('Play Date UTC') ?? (playDate === null ? null : (playDate - HFS_TO_UNIX_S) * 1000),
    lastSkippedAtMs: date('Skip Date'),
    dateAddedMs: date('Date Added'),
    // A computed rating is iTunes showing the album's rating on the track, not the person's choice.
    rating: t.get('Rating Computed') === true ? null : normaliseRating(num('Rating'), 'itunes'),
    loved: t.get('Loved') === true || t.get('Favorited') === true ? true : t.get('Disliked') === true ? false : null,
    bpm: num('BPM'),
    key: null,
  };
}

export function itunesParser(sink: RecordSink): TextParser {
  return xmlParser((sax) => {
    let depth = 0; // nesting of <dict>
    let sawPlist = false;
    let sawTracks = false;
    const keyAt: string[] = []; // last <key> seen at each dict depth
    let track: Map<string, Plain> | null = null;
    let trackLine = 0;
    let text = '';
    sax.on('opentag', (tag) => {
      text = '';
      if (tag.name === 'plist') sawPlist = true;
      else if (tag.name === 'dict') {
        depth++;
        // plist > dict(1) > Tracks dict(2) > one dict per track(3)
        if (depth === 2 && keyAt[1] === 'Tracks') sawTracks = true;
        if (depth === 3 && keyAt[1] === 'Tracks') { track = new Map(); trackLine = sax.line; }
      }
    });
    sax.on('text', (t) => { text += t; });
    sax.on('closetag', (tag) => {
      const name = tag.name;
      if (name === 'key') keyAt[depth] = text;
      else if (name === 'dict') {
        if (depth === 3 && track) {
          const result = entryFrom(track);
          if (typeof result === 'string') sink.reject(`track ${track.get('Track ID') ?? '?'} (line ${trackLine})`, result);
          else sink.keepEntry(result);
          track = null;
        }
        keyAt.length = depth;
        depth--;
      } else if (track && depth === 3) {
        const key = keyAt[3];
        if (key === undefined) return;
        if (name === 'true' || name === 'false') track.set(key, name === 'true');
        else if (name === 'integer' || name === 'real') track.set(key, Number(text));
        else if (VALUE_TAGS.has(name)) track.set(key, text);
      }
    });
    return {
      end() {
        if (!sawPlist) throw new ParseError('XML but not a property list: not an iTunes/Apple Music library export');
        if (!sawTracks) throw new ParseError('property list without a Tracks dictionary: not an iTunes/Apple Music library export');
      },
    };
  });
}
