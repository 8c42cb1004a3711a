// One file's parse, driven by pushed bytes (from a Blob stream or a zip entry): sniff the format
// from the first bytes, then decode, hash and parse each piece in one pass, so memory stays at one
// piece plus the parser's state. The fingerprint is SHA-256 of exactly the bytes pushed.
import type { IHasher } from 'hash-wasm';
import type { ImportOutcome, RecordBatch } from './api';
import { detect, SNIFF_BYTES, type Format } from './detect';
import { itunesParser } from './parsers/itunes';
import { lastfmParser } from './parsers/lastfm';
import { rekordboxParser } from './parsers/rekordbox';
import { spotifyParser } from './parsers/spotify';
import type { ParserFactory, TextParser } from './parsers/types';
import { RecordSink } from './sink';

const PARSERS: Record<Exclude<Format, 'zip'>, ParserFactory> = {
  'spotify-extended-json': spotifyParser,
  'spotify-endsong-json': spotifyParser,
  'spotify-account-json': spotifyParser,
  'itunes-plist': itunesParser,
  'rekordbox-xml': rekordboxParser,
  'lastfm-csv': lastfmParser,
};

export interface JobOptions {
  /** Inside a zip, a file we do not read is skipped silently instead of failing. */
  skipUnrecognised: boolean;
  /** Hand kept records out in batches instead of collecting them in the outcome. */
  streaming: boolean;
}

export class FileJob {
  readonly sink: RecordSink;
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private parser: TextParser | null = null;
  private format: Format | null = null;
  private decoder = new TextDecoder('utf-8');
  private failure: string | null = null;
  private skipped = false;

  constructor(
    readonly fileName: string,
    private readonly hasher: IHasher,
    private readonly options: JobOptions,
  ) {
    hasher.init();
    this.sink = new RecordSink(fileName, options.streaming);
  }

  /** Whether the bytes are still wanted (false once the file failed or was skipped). */
  get live(): boolean {
    return this.failure === null && !this.skipped;
  }

  push(bytes: Uint8Array): void {
    if (!this.live) return;
    this.hasher.update(bytes);
    if (this.parser) return this.feed(bytes, true);
    this.head.push(bytes);
    this.headBytes += bytes.length;
    if (this.headBytes >= SNIFF_BYTES) this.start();
  }

  /** Batches of kept records ready for the caller (streaming mode). */
  takeBatches(final = false): RecordBatch[] {
    return this.failure === null ? this.sink.take(final) : [];
  }

  /** The outcome, or null when a zip entry was not a format we read. */
  finish(): ImportOutcome | null {
    if (this.live && !this.parser) this.start();
    if (this.live && this.parser) {
      this.feed(new Uint8Array(0), false);
      this.guard(() => this.parser!.end());
    }
    if (this.skipped) return null;
    if (this.failure === null && this.sink.rowsRead === 0) this.failure = 'no records found (empty export)';
    if (this.failure !== null) return { ok: false, fileName: this.fileName, error: `${this.fileName}: ${this.failure}` };
    const s = this.sink;
    return {
      ok: true,
      summary: {
        fileName: this.fileName,
        format: this.format ?? 'unknown',
        fingerprint: this.hasher.digest('hex'),
        rowsRead: s.rowsRead,
        rowsKept: s.rowsKept,
        rejected: s.rejected,
      },
      listens: this.options.streaming ? [] : s.listens,
      entries: this.options.streaming ? [] : s.entries,
    };
  }

  private start(): void {
    const head = concat(this.head, this.headBytes);
    this.head = [];
    const found = detect(head);
    if (found.format === null || found.format === 'zip') {
      if (this.options.skipUnrecognised) this.skipped = true;
      else this.failure = found.format === null ? found.reason : 'a zip inside a zip is not read: unpack it first';
      return;
    }
    this.format = found.format;
    this.parser = PARSERS[found.format](this.sink, this.fileName);
    this.feed(head, true);
  }

  private feed(bytes: Uint8Array, more: boolean): void {
    const text = this.decoder.decode(bytes, { stream: more });
    if (text !== '' || !more) this.guard(() => this.parser!.write(text));
  }

  private guard(step: () => void): void {
    if (!this.live) return;
    try {
      step();
    } catch (e) {
      // A parser bug must fail this file with a message, never the whole import.
      this.failure = e instanceof Error ? e.message : String(e);
    }
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
