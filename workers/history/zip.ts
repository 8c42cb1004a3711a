// A zip of a whole export (Spotify sends "my_spotify_data.zip"), unpacked as it streams: each
// entry's bytes go straight into its own FileJob, so no entry is ever held whole in memory.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import type { IHasher } from 'hash-wasm';
import type { ImportOutcome, RecordBatch } from './api';
import { FileJob } from './job';

export class ZipJob {
  private readonly unzip = new Unzip();
  private current: { job: FileJob; done: boolean } | null = null;
  private readonly outcomes: ImportOutcome[] = [];
  private readonly batches: RecordBatch[] = [];
  private entries = 0;
  private failure: string | null = null;

  constructor(
    private readonly zipName: string,
    private readonly hasher: IHasher,
    private readonly streaming: boolean,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.open(file);
  }

  get rowsRead(): number {
    return this.outcomes.reduce((n, o) => n + (o.ok ? o.summary.rowsRead : 0), 0) + (this.current?.job.sink.rowsRead ?? 0);
  }

  push(bytes: Uint8Array, final: boolean): void {
    if (this.failure) return;
    try {
      this.unzip.push(bytes, final);
    } catch (e) {
      this.failure = (e as Error).message;
    }
  }

  takeBatches(): RecordBatch[] {
    const out = this.batches.splice(0);
    if (this.current) out.push(...this.current.job.takeBatches());
    return out;
  }

  finish(): ImportOutcome[] {
    const cause = this.failure ? ` (${this.failure})` : '';
    if (this.current && !this.current.done) {
      const name = this.current.job.fileName;
      this.outcomes.push({ ok: false, fileName: name, error: `${name}: the zip is truncated or damaged inside this file${cause}` });
    } else if (this.failure) {
      return [...this.outcomes, { ok: false, fileName: this.zipName, error: `${this.zipName}: not a readable zip${cause}` }];
    }
    if (this.outcomes.length === 0) {
      const why = this.entries === 0 ? 'holds no files (empty or truncated zip)' : `holds ${this.entries} files but no listening-history export among them`;
      return [{ ok: false, fileName: this.zipName, error: `${this.zipName}: ${why}` }];
    }
    return this.outcomes;
  }

  private open(file: UnzipFile): void {
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/')) return;
    this.entries++;
    // Entries arrive one after another in a stream, so one hasher serves them all in turn.
    const job = new FileJob(`${this.zipName}/${printable(file.name)}`, this.hasher, { skipUnrecognised: true, streaming: this.streaming });
    const slot = { job, done: false };
    this.current = slot;
    file.ondata = (err, data, final) => {
      if (err) {
        slot.done = true;
        this.outcomes.push({ ok: false, fileName: job.fileName, error: `${job.fileName}: cannot unpack (${err.message})` });
        return;
      }
      job.push(data);
      if (!final) return;
      slot.done = true;
      const outcome = job.finish();
      this.batches.push(...job.takeBatches(true));
      if (outcome) this.outcomes.push(outcome);
    };
    try {
      file.start();
    } catch (e) {
      slot.done = true;
      this.outcomes.push({ ok: false, fileName: job.fileName, error: `${job.fileName}: compressed with a method this app cannot unpack (${(e as Error).message})` });
    }
  }
}

/** A damaged zip can carry any bytes as an entry name; keep control characters out of what the person reads. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
