// The key notation table seeded by migration 0004 agrees with the domain's key maths.
import { describe, expect, it } from 'vitest';
import { camelot, openKey, TONICS } from '../../src/domain/key';
import { migratedClient } from '../support/node-db';

describe('meta.key_notation', () => {
  it('has all 24 keys with the Camelot and Open Key codes of src/domain/key.ts', async () => {
    const sql = await migratedClient();
    const rows = await sql.query<{ tonic: string; mode: 'major' | 'minor'; key_name: string; camelot: string; open_key: string }>(
      'SELECT tonic, mode, key_name, camelot, open_key FROM meta.key_notation',
    );
    expect(rows).toHaveLength(24);
    for (const tonic of TONICS) {
      for (const mode of ['major', 'minor'] as const) {
        const row = rows.find((r) => r.key_name === `${tonic} ${mode}`);
        expect(row?.camelot).toBe(camelot({ tonic, mode }));
        expect(row?.open_key).toBe(openKey({ tonic, mode }));
      }
    }
  });
});
