import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { exportBackup } from '../../src/lakehouse/backup/backup-export';
import { BackupRefused, readBackup, unzipBackup } from '../../src/lakehouse/backup/backup-read';
import { restoreBackup } from '../../src/lakehouse/backup/backup-restore';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/lakehouse/engine/migrate';
import { isSealed, seal, unseal, WrongPassphrase } from '../../src/platform/crypto';
import { migratedClient, nodeClient } from '../support/node-db';
import { fingerprint, populatedLake } from './backup-support';

const appVersion = 'test';

describe('backup', () => {
  it('round-trips every table exactly: rows, BLOBs, DOUBLE[] (NaN, -0, inf, NULL), micro-second TIMESTAMPs, text-fallback types', async () => {
    const source = await populatedLake();
    const before = await fingerprint(source);
    const { zip, manifest } = await exportBackup(source, { appVersion });
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION);
    const analysis = manifest.tables.find((t) => t.name === 'analysis')!;
    expect(analysis.columns.find((c) => c.name === 'waveform')?.encoding).toBe('blob');
    expect(analysis.columns.find((c) => c.name === 'mfcc_mean')?.encoding).toBe('double_list');
    // hpcp_mean holds a NULL element, big a value past 2^53: both travel as text, and say so.
    expect(analysis.columns.find((c) => c.name === 'hpcp_mean')?.encoding).toBe('text');
    expect(manifest.tables.find((t) => t.name === 'zz_types')!.columns.map((c) => c.encoding)).toEqual(['date_days', 'text', 'text', 'text', 'text', 'timestamp_us']);

    const target = await migratedClient();
    const result = await restoreBackup(target, await readBackup(unzipBackup(zip)));
    expect(result.migrationsApplied).toEqual([]);
    const after = await fingerprint(target);
    // The restore itself adds nothing to the audit log (the restore command adds its line, commands-settings.test.ts).
    expect(after).toEqual(before);
    const [wave] = await target.query<{ w: Uint8Array; us: number }>(`SELECT waveform AS w, epoch_us(analysed_at) AS us FROM raw.analysis WHERE path = 'Music/a.mp3'`);
    expect(Array.from(wave!.w)).toEqual([0, 255, 16, 87, 70, 77, 50]);
    expect(wave!.us).toBe(1714979289123456);
    expect(await target.query(`SELECT nextval('meta.zz_ids') AS id`)).toEqual([{ id: 6 }]);
  });

  it('seals with a passphrase (AES-GCM, PBKDF2 600k) and refuses a wrong one', async () => {
    const source = await populatedLake();
    const { zip } = await exportBackup(source, { appVersion });
    const sealed = await seal(zip, 'correct horse');
    const entries = unzipSync(sealed);
    expect(isSealed(entries)).toBe(true);
    const header = JSON.parse(strFromU8(entries['encryption.json']!)) as { iterations: number; salt: string; iv: string };
    expect(header.iterations).toBeGreaterThanOrEqual(600_000);
    await expect(unseal(entries, 'wrong')).rejects.toBeInstanceOf(WrongPassphrase);
    const target = await migratedClient();
    await restoreBackup(target, await readBackup(unzipBackup(await unseal(entries, 'correct horse'))));
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });

  it('refuses a damaged, foreign or newer backup and changes nothing', async () => {
    const { zip } = await exportBackup(await populatedLake(), { appVersion });
    const entries = unzipSync(zip);
    const target = await migratedClient();
    const before = await fingerprint(target);
    const refuse = async (files: Record<string, Uint8Array>, reason: RegExp) => {
      await expect(readBackup(files)).rejects.toThrow(reason);
      expect(await fingerprint(target)).toEqual(before);
    };
    const flipped = { ...entries };
    const file = Object.keys(entries).find((k) => k.includes('raw.analysis'))!;
    const damaged = entries[file]!.slice();
    damaged[100] = damaged[100]! ^ 0xff;
    flipped[file] = damaged;
    await refuse(flipped, /checksum of raw\.analysis/);
    const { [file]: _gone, ...missing } = entries;
    await refuse(missing, /is missing/);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    await refuse({ ...entries, 'manifest.json': strToU8(JSON.stringify({ ...manifest, schemaVersion: SCHEMA_VERSION + 1 })) }, /newer version of Wolfie/);
    await refuse({ 'notes.txt': strToU8('hi') }, /no manifest\.json/);
    expect(() => unzipBackup(strToU8('not a zip at all'))).toThrow(BackupRefused);
    const evil = { ...manifest, tables: manifest.tables.map((t: { ddl: string }, i: number) => (i ? t : { ...t, ddl: 'DROP TABLE raw.files; CREATE TABLE x (' })) };
    await refuse({ ...entries, 'manifest.json': strToU8(JSON.stringify(evil)) }, /not a plain CREATE TABLE/);
  });

  it('rolls a restore back whole when loading fails half-way', async () => {
    const { zip } = await exportBackup(await populatedLake(), { appVersion });
    const target = await populatedLake();
    await target.exec(`INSERT INTO raw.user_ratings VALUES ('only-here', 1, TIMESTAMP '2020-01-01', 'track-page')`);
    const before = await fingerprint(target);
    const backup = await readBackup(unzipSync(zip));
    // A constraint no row can meet, on the last table: everything before it was already loaded.
    const last = backup.manifest.tables.filter((t) => t.rows > 0).at(-1)!;
    last.ddl = last.ddl.replace(/\);?\s*$/, ', CHECK (false));');
    await expect(restoreBackup(target, backup)).rejects.toThrow(/could not be loaded.*Nothing was changed/);
    expect(await fingerprint(target)).toEqual(before);
  });

  it('migrates a backup from an older schema forward inside the restore', async () => {
    const old = await nodeClient();
    await old.exec(`CREATE SCHEMA meta; CREATE TABLE meta.schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT now());`);
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      await old.exec(m.sql);
      await old.query('INSERT INTO meta.schema_migrations (version, name) VALUES (?, ?)', [m.version, m.name]);
    }
    await old.exec(`INSERT INTO raw.user_ratings VALUES ('t-old', 3, TIMESTAMP '2024-01-01 00:00:00.000007', 'track-page')`);
    const { zip, manifest } = await exportBackup(old, { appVersion });
    expect(manifest.schemaVersion).toBe(2);
    const target = await populatedLake();
    const result = await restoreBackup(target, await readBackup(unzipBackup(zip)));
    expect(result.migrationsApplied).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
    expect(await target.query('SELECT track_id, epoch_us(rated_at) AS us FROM raw.user_ratings')).toEqual([{ track_id: 't-old', us: 1704067200000007 }]);
    expect((await target.query('SELECT max(version) AS v FROM meta.schema_migrations'))[0]?.v).toBe(SCHEMA_VERSION);
  });

  it('names one Parquet file per table beside manifest.json', async () => {
    const { zip, manifest } = await exportBackup(await populatedLake(), { appVersion });
    const names = Object.keys(unzipSync(zip));
    expect(names).toContain('manifest.json');
    for (const t of manifest.tables) expect(names).toContain(t.file);
  });
});
