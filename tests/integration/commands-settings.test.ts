// The settings commands on the real engine: restoring a backup claims the lakehouse (refused while
// a run holds it), replaces every table and adds its audit line in one transaction, and announces
// everything; a restore failing half-way keeps nothing. The export's and the persistence answer's
// lines, and "bring back removed files", each write their line with their change.
import { describe, expect, it } from 'vitest';
import { bringBackRemoved, recordBackupExport, recordPersistenceAnswer, restoreBackup } from '../../src/app/commands/settings';
import { exportBackup } from '../../src/lakehouse/backup/backup-export';
import { readBackup, unzipBackup } from '../../src/lakehouse/backup/backup-read';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { refreshDerivedGold, refreshTrackInteractions } from '../../src/lakehouse/interactions/refresh';
import { auditLines } from '../support/audit-log';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';
import { fingerprint, populatedLake } from './backup-support';

/** Every table but the audit log, which a restore merges instead of replacing. */
const tables = async (sql: SqlClient) => Object.fromEntries(Object.entries(await fingerprint(sql)).filter(([t]) => t !== 'meta.audit_log'));

describe('settings commands', () => {
  it('restores a backup only when the lakehouse is free, with its audit line, announcing everything', async () => {
    const source = await populatedLake();
    // As the app keeps it: the ratings written into raw are in silver and gold too.
    await source.transaction(async () => {
      await refreshTrackInteractions(source, 'all');
      await refreshDerivedGold(source);
    });
    const wanted = await tables(source);
    const backup = await readBackup(unzipBackup((await exportBackup(source, { appVersion: 'test' })).zip));
    const target = await migratedClient();
    const before = await tables(target);
    const ctx = testCommandContext(target);

    ctx.busy = true; // a run holds the lakehouse: refused before anything is written
    expect(await restoreBackup(ctx, backup, 'wolfie-backup.zip')).toMatchObject({ ok: false, reason: 'busy' });
    expect(await tables(target)).toEqual(before);
    expect([ctx.released, ctx.announced, await auditLines(target)]).toEqual([[], [], []]);
    expect(ctx.said).toEqual([{ kind: 'info', text: 'A run is already in progress; wait for it or cancel it first.' }]);

    ctx.busy = false;
    const restored = await restoreBackup(ctx, backup, 'wolfie-backup.zip');
    expect(restored).toMatchObject({ ok: true, value: { tables: backup.manifest.tables.length, migrationsApplied: [] } });
    expect(await tables(target)).toEqual(wanted);
    expect(await auditLines(target)).toEqual([`restore-backup: wolfie-backup.zip (created ${backup.manifest.createdAt}): ${backup.manifest.tables.length} tables, ${(restored as { value: { rows: number } }).value.rows} rows`]);
    expect(ctx.announced[0]).toEqual(['*', 'meta.audit_log']); // the restore itself
    // Then its audit line, in a commit of its own, and the ratings and plays derived into gold again (commands/interactions.ts).
    expect(ctx.announced).toHaveLength(3);
    expect(ctx.announced[1]).toEqual(['meta.audit_log']);
    expect(ctx.released).toEqual(['succeeded']);
  });

  it('keeps the library as it was when a restore fails half-way, and releases the lakehouse', async () => {
    const backup = await readBackup(unzipBackup((await exportBackup(await populatedLake(), { appVersion: 'test' })).zip));
    // A constraint no row can meet, on the last table: every table before it was already replaced.
    const last = backup.manifest.tables.filter((t) => t.rows > 0).at(-1)!;
    last.ddl = last.ddl.replace(/\);?\s*$/, ', CHECK (false));');
    const target = await populatedLake();
    await target.exec(`INSERT INTO raw.user_ratings VALUES ('only-here', 1, TIMESTAMP '2020-01-01', 'track-page')`);
    const before = await fingerprint(target);
    const ctx = testCommandContext(target);
    expect(await restoreBackup(ctx, backup, 'bad.zip')).toMatchObject({ ok: false, reason: 'failed', error: expect.stringMatching(/could not be loaded.*Nothing was changed/s) });
    expect(await fingerprint(target)).toEqual(before);
    expect([ctx.announced, ctx.released]).toEqual([[], ['failed']]);
    expect(ctx.said.at(-1)!.text).toMatch(/^The backup was not restored: /);
  });

  it('records an export and the persistence answer, each as one line', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    await recordBackupExport(ctx, { fileName: 'wolfie-backup-2026-01-02-encrypted.zip', bytes: 2048, tables: 40, rows: 123, seconds: 0.5, encrypted: true });
    await recordPersistenceAnswer(ctx, false);
    expect(await auditLines(sql)).toEqual([
      'export-backup: wolfie-backup-2026-01-02-encrypted.zip: 40 tables, 123 rows, 2048 bytes, encrypted',
      'storage: Asked for persistent storage: declined',
    ]);
    expect(ctx.announced).toEqual([['meta.audit_log'], ['meta.audit_log']]);
  });

  it('brings back removed files with one line, and writes none when there is nothing to bring back', async () => {
    const sql = await migratedClient();
    await sql.exec(`INSERT INTO raw.removed_files VALUES ('Music/a.mp3', 't1', now(), 1), ('Music/b.mp3', 't2', now(), 1)`);
    const ctx = testCommandContext(sql);
    expect(await bringBackRemoved(ctx)).toEqual({ ok: true, value: 2 });
    expect(await bringBackRemoved(ctx)).toEqual({ ok: true, value: 0 });
    expect(await sql.query('SELECT * FROM raw.removed_files')).toEqual([]);
    expect(await auditLines(sql)).toEqual(['restore-tracks: Brought back 2 removed files: the next rescan reads them again']);
    expect(ctx.announced).toEqual([['raw.removed_files', 'meta.audit_log'], ['raw.removed_files', 'meta.audit_log']]);
  });
});
