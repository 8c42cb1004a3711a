// Spotify exports to ListenRecords: account data (StreamingHistory*.json: endTime, artistName,
// trackName, msPlayed) and extended history (Streaming_History_Audio_*.json, legacy endsong_*.json:
// ts, ms_played, master_metadata_*, reason_*, skipped, shuffle, offline). Personal fields
// (ip_addr*, user_agent*, username, conn_country, platform) are never read, so they cannot leak on.
import type { ListenRecord } from '../api';
import type { RecordSink } from '../sink';
import { JsonArraySplitter } from './json-array';
import { isSuspectTime, nonEmpty, parseUtc } from './values';
import type { TextParser } from './types';

const boolOrNull = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function listen(fields: Omit<ListenRecord, 'source' | 'timestampSuspect'>): ListenRecord {
  return { source: 'spotify', ...fields, timestampSuspect: isSuspectTime(fields.playedAtMs) };
}

/** Extended/endsong record; returns the reason it is rejected, or the listen. */
export function fromExtended(o: Record<string, unknown>, recordNo: number): ListenRecord | string {
  const title = nonEmpty(o.master_metadata_track_name);
  if (!title) {
    if (nonEmpty(o.episode_name) || nonEmpty(o.spotify_episode_uri)) return 'podcast episode, not music';
    if (nonEmpty(o.audiobook_title) || nonEmpty(o.audiobook_chapter_uri)) return 'audiobook chapter, not music';
    return 'no track name (unavailable or local-only item)';
  }
  const playedAtMs = typeof o.ts === 'string' ? parseUtc(o.ts) : null;
  if (playedAtMs === null) return `missing or unreadable ts ${JSON.stringify(o.ts ?? null)}`;
  return listen({
    sourceRowId: String(recordNo),
    playedAtMs,
    msPlayed: numOrNull(o.ms_played),
    artist: nonEmpty(o.master_metadata_album_artist_name),
    title,
    album: nonEmpty(o.master_metadata_album_album_name),
    skipped: boolOrNull(o.skipped),
    reasonStart: nonEmpty(o.reason_start),
    reasonEnd: nonEmpty(o.reason_end),
    shuffle: boolOrNull(o.shuffle),
    sourceTrackId: nonEmpty(o.spotify_track_uri),
    offline: boolOrNull(o.offline),
  });
}

/** Account-data record: minute precision, end of play, no album or skip flag. */
export function fromAccount(o: Record<string, unknown>, recordNo: number): ListenRecord | string {
  const title = nonEmpty(o.trackName);
  if (!title) return nonEmpty(o.podcastName) || nonEmpty(o.episodeName) ? 'podcast episode, not music' : 'no track name';
  const playedAtMs = typeof o.endTime === 'string' ? parseUtc(o.endTime) : null;
  if (playedAtMs === null) return `missing or unreadable endTime ${JSON.stringify(o.endTime ?? null)}`;
  return listen({
    sourceRowId: String(recordNo),
    playedAtMs,
    msPlayed: numOrNull(o.msPlayed),
    artist: nonEmpty(o.artistName),
    title,
    album: null,
    skipped: null,
    reasonStart: null,
    reasonEnd: null,
    shuffle: null,
    sourceTrackId: null,
    offline: null,
  });
}

export function spotifyParser(sink: RecordSink): TextParser {
  const splitter = new JsonArraySplitter((o, recordNo, line) => {
    // Decide per record: a hand-merged file may mix both shapes, and it costs one key lookup.
    const result = 'ts' in o ? fromExtended(o, recordNo) : 'endTime' in o ? fromAccount(o, recordNo) : 'not a Spotify play record (no ts or endTime)';
    if (typeof result === 'string') sink.reject(`record ${recordNo} (line ${line})`, result);
    else sink.keepListen(result);
  });
  return { write: (t) => splitter.write(t), end: () => splitter.end() };
}
