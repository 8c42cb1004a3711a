// Listen and library-entry records to Arrow IPC, with the normalised match key added, so the page
// never holds the records as objects. Columns are laid out by hand (offsets, bytes, validity bits):
// apache-arrow's builders cost ~12 s of CPU per million rows here, the hand layout a fraction, and
// vectorFromArray compiles code with new Function(), which the app's Content-Security-Policy refuses.
import { Bool, Float64, makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { matchKey } from '../../src/domain/match';
import type { LibraryEntryRecord, ListenRecord } from '../history/api';

type Kind = 'text' | 'num' | 'bool';

/** Stage column names are the records' own field names; src/lakehouse/history.ts reads them by these names. */
export const LISTEN_COLUMNS = {
  source: 'text', sourceRowId: 'text', playedAtMs: 'num', msPlayed: 'num', artist: 'text', title: 'text', album: 'text',
  skipped: 'bool', reasonStart: 'text', reasonEnd: 'text', shuffle: 'bool', offline: 'bool', timestampSuspect: 'bool',
  sourceTrackId: 'text', matchKey: 'text',
} satisfies Record<keyof ListenRecord | 'matchKey', Kind>;

export const ENTRY_COLUMNS = {
  source: 'text', sourceRowId: 'text', artist: 'text', title: 'text', album: 'text', durationS: 'num', location: 'text',
  playCount: 'num', skipCount: 'num', lastPlayedAtMs: 'num', lastSkippedAtMs: 'num', dateAddedMs: 'num', rating: 'num',
  loved: 'bool', bpm: 'num', key: 'text', matchKey: 'text',
} satisfies Record<keyof LibraryEntryRecord | 'matchKey', Kind>;

const utf8 = new TextEncoder();

function textColumn(rows: readonly Record<string, unknown>[], name: string): Vector {
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  const valid = new Uint8Array((n + 7) >> 3);
  let capacity = 0;
  for (const r of rows) {
    const v = r[name];
    if (v != null) capacity += String(v).length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
  }
  let bytes = new Uint8Array(capacity);
  let at = 0;
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = rows[i]![name];
    if (v == null) nulls++;
    else {
      valid[i >> 3]! |= 1 << (i & 7);
      const text = String(v);
      let ascii = true;
      // Most values are ASCII: copy code units directly, fall back to the encoder for the rest.
      for (let c = 0; c < text.length; c++) {
        const code = text.charCodeAt(c);
        if (code > 127) {
          ascii = false;
          break;
        }
        bytes[at + c] = code;
      }
      at += ascii ? text.length : utf8.encodeInto(text, bytes.subarray(at)).written;
    }
    offsets[i + 1] = at;
  }
  bytes = bytes.subarray(0, at);
  return makeVector(makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? valid : null, valueOffsets: offsets, data: bytes }));
}

function numColumn(rows: readonly Record<string, unknown>[], name: string): Vector {
  const n = rows.length;
  const data = new Float64Array(n);
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = rows[i]![name];
    if (typeof v === 'number' && Number.isFinite(v)) {
      data[i] = v;
      valid[i >> 3]! |= 1 << (i & 7);
    } else nulls++;
  }
  return makeVector(makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: nulls ? valid : null, data }));
}

function boolColumn(rows: readonly Record<string, unknown>[], name: string): Vector {
  const n = rows.length;
  const data = new Uint8Array((n + 7) >> 3);
  const valid = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = rows[i]![name];
    if (typeof v !== 'boolean') nulls++;
    else {
      valid[i >> 3]! |= 1 << (i & 7);
      if (v) data[i >> 3]! |= 1 << (i & 7);
    }
  }
  return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: nulls ? valid : null, data }));
}

const COLUMN: Record<Kind, (rows: readonly Record<string, unknown>[], name: string) => Vector> = { text: textColumn, num: numColumn, bool: boolColumn };

/** Exports repeat a few thousand artist/title pairs over and over: normalise each pair once. */
export class KeyCache {
  private keys = new Map<string, string>();
  key(artist: string | null, title: string | null): string {
    const k = `${artist ?? ''}\u0000${title ?? ''}`;
    let v = this.keys.get(k);
    if (v === undefined) {
      v = matchKey(artist, title);
      if (this.keys.size > 200_000) this.keys.clear(); // bound memory on pathological inputs
      this.keys.set(k, v);
    }
    return v;
  }
}

export function encode(rows: readonly (ListenRecord | LibraryEntryRecord)[], columns: Record<string, Kind>, keys: KeyCache): Uint8Array {
  // The batch is ours (the parser handed it off), so the key is added in place rather than by copying rows.
  const keyed = rows as unknown as Record<string, unknown>[];
  for (const r of rows) (r as typeof r & { matchKey: string }).matchKey = keys.key(r.artist, r.title);
  const vectors: Record<string, Vector> = {};
  for (const [name, kind] of Object.entries(columns)) vectors[name] = COLUMN[kind](keyed, name);
  return tableToIPC(new Table(vectors), 'stream');
}
