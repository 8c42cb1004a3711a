// Collects what one file's parser keeps and rejects, and hands kept records out in batches when the
// caller streams them (so a huge export is never held whole in the worker).
import type { LibraryEntryRecord, ListenRecord, RecordBatch, RejectedRecord } from './api';

/** Enough rejected rows to show a person the pattern; the true count is rowsRead - rowsKept. */
export const REJECTED_SAMPLE = 100;
const BATCH_ROWS = 20_000;

/** A problem with the file as a whole (syntax, truncation): fails the file, naming where. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly where: string | null = null,
  ) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'ParseError';
  }
}

export class RecordSink {
  listens: ListenRecord[] = [];
  entries: LibraryEntryRecord[] = [];
  rejected: RejectedRecord[] = [];
  rowsRead = 0;
  rowsKept = 0;
  private ready: RecordBatch[] = [];

  constructor(
    readonly fileName: string,
    private readonly streaming: boolean,
  ) {}

  keepListen(record: ListenRecord): void {
    this.rowsRead++;
    this.rowsKept++;
    this.listens.push(record);
    if (this.streaming && this.listens.length >= BATCH_ROWS) this.cut();
  }

  keepEntry(record: LibraryEntryRecord): void {
    this.rowsRead++;
    this.rowsKept++;
    this.entries.push(record);
    if (this.streaming && this.entries.length >= BATCH_ROWS) this.cut();
  }

  reject(where: string, reason: string): void {
    this.rowsRead++;
    if (this.rejected.length < REJECTED_SAMPLE) this.rejected.push({ where, reason });
  }

  /** Batches ready to hand out; the final partial batch is cut when the file ends. */
  take(final: boolean): RecordBatch[] {
    if (final && this.streaming && (this.listens.length > 0 || this.entries.length > 0)) this.cut();
    const out = this.ready;
    this.ready = [];
    return out;
  }

  private cut(): void {
    this.ready.push({ fileName: this.fileName, fingerprint: null, listens: this.listens, entries: this.entries });
    this.listens = [];
    this.entries = [];
  }
}
