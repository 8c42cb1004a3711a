// rekordbox collection XML (File > Export Collection in xml format) to LibraryEntryRecords: play
// count, rating, date added, and rekordbox's BPM and key kept as a second opinion beside ours.
import { normaliseRating } from '../../../src/domain/rating';
import type { LibraryEntryRecord } from '../api';
import { ParseError, type RecordSink } from '../sink';
import type { TextParser } from './types';
import { fileUrlToPath, nonEmpty, parseUtc, toNumber } from './values';
import { xmlParser } from './xml';

function entryFrom(a: Record<string, string>): LibraryEntryRecord | string {
  const id = nonEmpty(a.TrackID);
  if (!id) return 'TRACK without a TrackID';
  const bpm = toNumber(a.AverageBpm);
  return {
    source: 'rekordbox',
    sourceRowId: id,
    artist: nonEmpty(a.Artist),
    title: nonEmpty(a.Name),
    album: nonEmpty(a.Album),
    durationS: toNumber(a.TotalTime),
    location: fileUrlToPath(a.Location),
    playCount: toNumber(a.PlayCount),
    skipCount: null,
    lastPlayedAtMs: null,
    lastSkippedAtMs: null,
    dateAddedMs: parseUtc(a.DateAdded),
    rating: normaliseRating(toNumber(a.Rating), 'rekordbox'),
    loved: null,
    // rekordbox writes 0.00 for tracks it has not analysed: that is "unknown", not 0 BPM.
    bpm: bpm === null || bpm <= 0 ? null : bpm,
    key: nonEmpty(a.Tonality),
  };
}

export function rekordboxParser(sink: RecordSink): TextParser {
  return xmlParser((sax) => {
    let sawRoot = false;
    let inCollection = false;
    let declared: number | null = null;
    sax.on('opentag', (tag) => {
      if (tag.name === 'DJ_PLAYLISTS') sawRoot = true;
      else if (tag.name === 'COLLECTION') {
        inCollection = true;
        declared = toNumber(tag.attributes.Entries);
      } else if (tag.name === 'TRACK' && inCollection) {
        // Playlist TRACKs (outside COLLECTION) only reference a Key; collection TRACKs carry the data.
        const result = entryFrom(tag.attributes);
        if (typeof result === 'string') sink.reject(`TRACK at line ${sax.line}`, result);
        else sink.keepEntry(result);
      }
    });
    sax.on('closetag', (tag) => {
      if (tag.name === 'COLLECTION') inCollection = false;
    });
    return {
      end() {
        if (!sawRoot) throw new ParseError('XML without DJ_PLAYLISTS: not a rekordbox collection export');
        if (declared !== null && declared !== sink.rowsRead) {
          throw new ParseError(`COLLECTION declares ${declared} tracks but ${sink.rowsRead} were found: the export is incomplete`);
        }
      },
    };
  });
}
