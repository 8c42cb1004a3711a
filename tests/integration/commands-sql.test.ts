// The saved-query commands of /sql on the real engine: saving, replacing and deleting each leave
// one audit line in the same transaction, a delete that changed nothing leaves none, and a failed
// audit write keeps nothing of the change.
import { describe, expect, it } from 'vitest';
import { deleteSavedQuery, saveQuery } from '../../src/app/commands/sql';
import { listSaved } from '../../src/lakehouse/queries/saved-queries';
import { auditLines, withoutAuditLog } from '../support/audit-log';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';

describe('saved-query commands', () => {
  it('records saving, replacing and deleting a saved query, and nothing for a delete that changed nothing', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect((await saveQuery(ctx, 'Top artists', 'SELECT artist FROM gold.track_facts')).ok).toBe(true);
    expect((await saveQuery(ctx, ' Top artists ', 'SELECT artist, count(*) FROM gold.track_facts GROUP BY 1')).ok).toBe(true);
    expect(await listSaved(sql)).toEqual([{ name: 'Top artists', sql: 'SELECT artist, count(*) FROM gold.track_facts GROUP BY 1' }]);
    expect(await deleteSavedQuery(ctx, 'Top artists')).toEqual({ ok: true, value: true });
    expect(await deleteSavedQuery(ctx, 'Top artists')).toEqual({ ok: true, value: false });
    expect(await listSaved(sql)).toEqual([]);
    expect(await auditLines(sql)).toEqual([
      'query-save: Saved query “Top artists”: SELECT artist FROM gold.track_facts',
      'query-save: Replaced query “Top artists”: SELECT artist, count(*) FROM gold.track_facts GROUP BY 1',
      'query-delete: Deleted saved query “Top artists”',
    ]);
    expect(ctx.announced).toEqual(Array(4).fill(['meta.settings', 'meta.audit_log']));
  });

  it('refuses a query without a name before writing, and keeps nothing when its audit line fails', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect(await saveQuery(ctx, '  ', 'SELECT 1')).toMatchObject({ ok: false, error: 'Give the query a name first' });
    expect(await withoutAuditLog(sql, () => saveQuery(ctx, 'One', 'SELECT 1'))).toMatchObject({ ok: false, reason: 'failed' });
    expect(await listSaved(sql)).toEqual([]);
    expect(await auditLines(sql)).toEqual([]);
    expect(ctx.announced).toEqual([]);
    expect(ctx.said.map((s) => s.text.split(':')[0])).toEqual(['The query could not be saved', 'The query could not be saved']);
  });
});
