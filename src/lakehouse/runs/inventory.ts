// The file inventory (raw.files) and the tag reads (raw.tag_reads): what a scan found, what
// changed since the last one, and loading a batch of tag records in one transaction.
import type { TagRecord } from '../../../workers/ingest/api';
import { withStaged } from './staging';
import type { ColumnKind, SqlClient } from '../engine/sql-client';

export interface ScannedFile {
  path: string;
  size_bytes: number;
  last_modified_ms: number;
}

export interface InventoryDiff {
  toRead: string[]; // new or changed
  fresh: number; // of toRead: never seen before
  unchanged: string[];
  deleted: string[];
  /** Listed files a person removed from the library (raw.removed_files): not read back in. */
  removed: number;
  /** Set when most known files vanished at once: likely an unmounted drive, so nothing is tombstoned. */
  suspiciousShrink: string | null;
}

/** Compares a scan of folder `root` with what the inventory knew under that root. */
export async function diffInventory(sql: SqlClient, root: string, scanned: ScannedFile[]): Promise<InventoryDiff> {
  const known = await sql.query<{ path: string; size_bytes: number; last_modified_ms: number; read: boolean }>(
    `SELECT f.path, f.size_bytes, f.last_modified_ms, (t.path IS NOT NULL) AS read
     FROM raw.files f LEFT JOIN raw.tag_reads t USING (path)
     WHERE f.deleted_at IS NULL AND starts_with(f.path, ?)`,
    [`${root}/`],
  );
  const removedPaths = await sql.query<{ path: string }>('SELECT path FROM raw.removed_files WHERE starts_with(path, ?)', [`${root}/`]);
  const removedByPerson = new Set(removedPaths.map((r) => r.path));
  const byPath = new Map(known.map((k) => [k.path, k]));
  const seen = new Set<string>();
  const toRead: string[] = [];
  const unchanged: string[] = [];
  let fresh = 0;
  let removed = 0;
  for (const f of scanned) {
    if (removedByPerson.has(f.path)) {
      removed++;
      continue;
    }
    seen.add(f.path);
    const k = byPath.get(f.path);
    if (!k) fresh++;
    if (k && k.read && k.size_bytes === f.size_bytes && k.last_modified_ms === f.last_modified_ms) unchanged.push(f.path);
    else toRead.push(f.path);
  }
  const deleted = known.filter((k) => !seen.has(k.path)).map((k) => k.path);
  const shrinkTooLarge = known.length >= 20 && deleted.length > known.length / 2;
  return {
    toRead,
    fresh,
    unchanged,
    deleted: shrinkTooLarge ? [] : deleted,
    removed,
    suspiciousShrink: shrinkTooLarge
      ? `${deleted.length} of ${known.length} known files under "${root}" are missing. The folder may be unmounted or moved, so none were marked deleted. Reconnect it and rescan.`
      : null,
  };
}

const FILE_COLUMNS = { path: 'text', size_bytes: 'int', last_modified_ms: 'int', fingerprint: 'text', is_demo: 'bool' } satisfies Record<string, ColumnKind>;

const TAG_COLUMNS = {
  path: 'text', fingerprint: 'text', reader: 'text', container: 'text', codec: 'text', lossless: 'bool', duration_s: 'float',
  sample_rate_hz: 'int', bitrate_kbps: 'float', channels: 'int', bits_per_sample: 'int', artist: 'text', artists: 'text',
  title: 'text', album: 'text', album_artist: 'text', genre: 'text', label: 'text', year: 'int', date_text: 'text',
  track_no: 'int', disc_no: 'int', bpm_tag: 'float', key_tag: 'text', rating_tag: 'float', play_count_tag: 'int',
  comment: 'text', common_json: 'text', native_json: 'text', warnings: 'text', error: 'text',
} satisfies Record<keyof Omit<TagRecord, never>, ColumnKind>;

export type LoadedTagRecord = TagRecord & ScannedFile & { is_demo: boolean };

/** Upserts the files and replaces their tag reads, all or nothing. */
export async function loadTagBatch(sql: SqlClient, runId: number, records: LoadedTagRecord[]): Promise<void> {
  if (records.length === 0) return;
  await sql.transaction(async () => {
    await withStaged(sql, records, FILE_COLUMNS, async (stage) => {
      await sql.query(
        `INSERT INTO raw.files (path, size_bytes, last_modified_ms, fingerprint, first_seen_run, last_seen_run, first_seen_at, deleted_at, is_demo)
         SELECT path, size_bytes::BIGINT, last_modified_ms::BIGINT, fingerprint, ?, ?, now(), NULL, is_demo FROM ${stage}
         ON CONFLICT (path) DO UPDATE SET size_bytes = excluded.size_bytes, last_modified_ms = excluded.last_modified_ms,
           fingerprint = excluded.fingerprint, last_seen_run = excluded.last_seen_run, deleted_at = NULL`,
        [runId, runId],
      );
    });
    await withStaged(sql, records, TAG_COLUMNS, async (stage) => {
      await sql.exec(`DELETE FROM raw.tag_reads WHERE path IN (SELECT path FROM ${stage})`);
      const cols = Object.keys(TAG_COLUMNS).join(', ');
      await sql.query(`INSERT INTO raw.tag_reads (${cols}, run_id, read_at) SELECT ${cols}, ?, now() FROM ${stage}`, [runId]);
    });
  });
}

/** Marks files still present as seen by this run, and missing ones as tombstones. */
export async function markSeenAndDeleted(sql: SqlClient, runId: number, unchanged: string[], deleted: string[]): Promise<void> {
  await sql.transaction(async () => {
    if (unchanged.length) {
      await withStaged(sql, unchanged.map((path) => ({ path })), { path: 'text' }, (stage) =>
        sql.query(`UPDATE raw.files SET last_seen_run = ? WHERE path IN (SELECT path FROM ${stage})`, [runId]),
      );
    }
    if (deleted.length) {
      await withStaged(sql, deleted.map((path) => ({ path })), { path: 'text' }, (stage) =>
        sql.exec(`UPDATE raw.files SET deleted_at = now() WHERE path IN (SELECT path FROM ${stage})`),
      );
    }
  });
}
