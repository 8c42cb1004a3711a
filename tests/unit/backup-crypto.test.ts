// Backup sealing (AES-GCM, PBKDF2) and the low-space rule, without a database.
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isSealed, seal, unseal, WrongPassphrase } from '../../src/platform/crypto';
import { LOW_FREE_BYTES, lowSpaceWarning } from '../../src/platform/storage';

const plain = strToU8('PK pretend this is a backup zip');
const FAST = 100_000; // the minimum unseal accepts; the app uses 600k (tests/integration/backup.test.ts)

describe('sealed backups', () => {
  it('round-trip with the passphrase, and the file says how it was sealed', async () => {
    const entries = unzipSync(await seal(plain, 'pässwörd', FAST));
    expect(isSealed(entries)).toBe(true);
    const header = JSON.parse(strFromU8(entries['encryption.json']!));
    expect(header).toMatchObject({ cipher: 'AES-GCM', keyBits: 256, kdf: 'PBKDF2', hash: 'SHA-256', iterations: FAST });
    expect(atob(header.salt)).toHaveLength(16);
    expect(atob(header.iv)).toHaveLength(12);
    // The same passphrase typed in another Unicode normal form still opens it.
    expect(strFromU8(await unseal(entries, 'pa\u0308sswo\u0308rd'))).toBe(strFromU8(plain));
  });

  it('refuse a wrong passphrase, a changed ciphertext and a changed header', async () => {
    const entries = unzipSync(await seal(plain, 'secret', FAST));
    await expect(unseal(entries, 'Secret')).rejects.toBeInstanceOf(WrongPassphrase);
    const body = entries['backup.bin']!.slice();
    body[0] = body[0]! ^ 1;
    await expect(unseal({ ...entries, 'backup.bin': body }, 'secret')).rejects.toBeInstanceOf(WrongPassphrase);
    // The header is authenticated: a changed salt/iv/iterations cannot be slipped in.
    const header = JSON.parse(strFromU8(entries['encryption.json']!));
    const edited = strToU8(JSON.stringify({ ...header, iterations: FAST + 1 }, null, 2));
    await expect(unseal({ ...entries, 'encryption.json': edited }, 'secret')).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(unseal({ ...entries, 'encryption.json': strToU8(JSON.stringify({ ...header, iterations: 10 })) }, 'secret')).rejects.toThrow(/does not know/);
    await expect(seal(plain, '')).rejects.toThrow(/empty passphrase/);
  });
});

describe('low-space warning', () => {
  const GB = 1024 ** 3;
  it('warns under 200 MB or 10 % free, else stays quiet', () => {
    expect(lowSpaceWarning({ usageBytes: 1 * GB, quotaBytes: 10 * GB, persisted: false })).toBeNull();
    expect(lowSpaceWarning({ usageBytes: 9.5 * GB, quotaBytes: 10 * GB, persisted: false })).toMatch(/512 MB free of 10240 MB/);
    expect(lowSpaceWarning({ usageBytes: 0, quotaBytes: LOW_FREE_BYTES - 1, persisted: false })).toMatch(/nearly full/);
    expect(lowSpaceWarning({ usageBytes: 0, quotaBytes: 0, persisted: false })).toBeNull(); // no estimate: no guess
  });
});
