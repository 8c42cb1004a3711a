// Contract of the listening-history import worker. src/ imports this with `import type` only.

export type HistorySource = 'itunes' | 'spotify' | 'lastfm' | 'rekordbox';

/** One play (or skip) event as a service recorded it, normalised but not yet matched to a library track. */
export interface ListenRecord {
  source: HistorySource;
  /** Stable id within the source file (e.g. line/record number or a natural key) for dedup and lineage. */
  sourceRowId: string;
  playedAtMs: number; // epoch ms, UTC: when the play ended (Spotify endTime/ts) or started (Last.fm); see parser comments
  msPlayed: number | null;
  artist: string | null;
  title: string | null;
  album: string | null;
  skipped: boolean | null;
  reasonStart: string | null;
  reasonEnd: string | null;
  shuffle: boolean | null;
  /** True when the timestamp is a known placeholder (e.g. Last.fm 1970 dates) and must not be trusted. */
  timestampSuspect: boolean;
  /** The service's own id for the track when it gives one (Spotify track URI, Last.fm track MBID): a strong match key. */
  sourceTrackId: string | null;
  /** Spotify: played from the offline cache (the ts is then when the app synced, not exactly when it played). */
  offline: boolean | null;
}

/** A track entry in another player's library (iTunes, rekordbox): counters, rating, second-opinion features. */
export interface LibraryEntryRecord {
  source: HistorySource;
  sourceRowId: string; // Persistent ID / TrackID
  artist: string | null;
  title: string | null;
  album: string | null;
  durationS: number | null;
  location: string | null; // decoded file path from the URL, '/'-separated
  playCount: number | null;
  skipCount: number | null;
  lastPlayedAtMs: number | null;
  lastSkippedAtMs: number | null;
  dateAddedMs: number | null;
  rating: number | null; // normalised 0..5
  loved: boolean | null;
  bpm: number | null;
  key: string | null; // as the source writes it (rekordbox Tonality)
}

export interface RejectedRecord {
  /** Line or record number, 1-based, as a person would look it up. */
  where: string;
  reason: string;
}

export interface ImportSummary {
  fileName: string;
  format: string; // detected format, e.g. 'spotify-extended-json'
  fingerprint: string; // SHA-256 hex of the file bytes: importing the same file twice adds nothing
  rowsRead: number;
  rowsKept: number;
  rejected: RejectedRecord[]; // capped sample; rowsRead - rowsKept is the true count
}

export type ImportOutcome =
  | { ok: true; summary: ImportSummary; listens: ListenRecord[]; entries: LibraryEntryRecord[] }
  | { ok: false; fileName: string; error: string };

/** Determinate progress for one parse call; bytes are of the file handed in (the zip, for a zip). */
export interface ImportProgress {
  fileName: string;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
}

/**
 * Records delivered while parsing, so a 1,000,000-row file never sits in memory twice. When a batch
 * callback is given, the outcome's `listens`/`entries` stay empty. A file that later fails still
 * ends with `ok: false`: the caller loads batches inside one transaction and rolls back then.
 */
export interface RecordBatch {
  fileName: string;
  fingerprint: null; // not known until the last byte; it arrives in the outcome's summary
  listens: ListenRecord[];
  entries: LibraryEntryRecord[];
}

export interface HistoryApi {
  /**
   * Parse one export file (or a zip of several). A zip yields one outcome per contained file it
   * recognises. Callbacks cross the worker boundary wrapped in `Comlink.proxy(...)`.
   */
  parse(
    file: Blob,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
    onBatch?: (batch: RecordBatch) => void | Promise<void>,
  ): Promise<ImportOutcome[]>;
}
