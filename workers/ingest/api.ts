// Contract of the tag-reading worker. src/ imports this file with `import type` only.

export interface FileToRead {
  path: string; // relative, '/'-separated, folder name first
  file: Blob;
}

/** One file's tags and format facts, flat and typed; the shape of a raw.tag_reads row. */
export interface TagRecord {
  path: string;
  fingerprint: string | null;
  reader: string;
  container: string | null;
  codec: string | null;
  lossless: boolean | null;
  duration_s: number | null;
  sample_rate_hz: number | null;
  bitrate_kbps: number | null;
  channels: number | null;
  bits_per_sample: number | null;
  artist: string | null;
  artists: string | null;
  title: string | null;
  album: string | null;
  album_artist: string | null;
  genre: string | null;
  label: string | null;
  year: number | null;
  date_text: string | null;
  track_no: number | null;
  disc_no: number | null;
  bpm_tag: number | null;
  key_tag: string | null;
  rating_tag: number | null;
  play_count_tag: number | null;
  comment: string | null;
  common_json: string | null;
  native_json: string | null;
  warnings: string | null;
  /** Null when the tags were read; else why not, in words a person can act on. */
  error: string | null;
}

export interface IngestApi {
  /** Read tags of a batch. Never rejects for a bad file: its record carries the error. */
  readTags(files: FileToRead[]): Promise<TagRecord[]>;
}
