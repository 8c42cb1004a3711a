// The command runner (src/app/commands/command.ts): the change and its audit line commit together
// or not at all; a claiming command is refused while the lakehouse is held; a check refuses
// before anything is claimed; the tables a command names are announced only after it commits.
import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/app/commands/command';
import { testCommandContext } from '../support/command-context';
import { migratedClient } from '../support/node-db';

const addSetting = (fail: 'no' | 'apply' | 'check') =>
  defineCommand({
    action: 'setting',
    changes: ['meta.settings'],
    guard: { claim: 'Saving a setting' },
    failure: 'The setting could not be saved',
    check: async (_read, _key: string) => {
      if (fail === 'check') throw new Error('that value is not allowed');
    },
    async apply(sql, key: string) {
      await sql.query(`INSERT INTO meta.settings (key, value, description) VALUES (?, 'x', 'test')`, [key]);
      if (fail === 'apply') throw new Error('the disk is full');
      return { value: key, audit: `Set ${key}` };
    },
  });

describe('commands', () => {
  it('commits the change with its audit line, then announces what it changed', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect(await addSetting('no')(ctx, 'k1')).toEqual({ ok: true, value: 'k1' });
    expect(await sql.query("SELECT value FROM meta.settings WHERE key = 'k1'")).toEqual([{ value: 'x' }]);
    expect(await sql.query("SELECT action, details FROM meta.audit_log")).toEqual([{ action: 'setting', details: 'Set k1' }]);
    expect(ctx.announced).toEqual([['meta.settings', 'meta.audit_log']]);
    expect(ctx.released).toEqual(['succeeded']);
  });

  it('a failing change leaves nothing, no audit line and no announcement, and says why', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    expect(await addSetting('apply')(ctx, 'k2')).toMatchObject({ ok: false, reason: 'failed' });
    expect(await sql.query("SELECT * FROM meta.settings WHERE key = 'k2'")).toEqual([]);
    expect(await sql.query('SELECT * FROM meta.audit_log')).toEqual([]);
    expect(ctx.announced).toEqual([]);
    expect(ctx.released).toEqual(['failed']);
    expect(ctx.said).toEqual([{ kind: 'error', text: 'The setting could not be saved: the disk is full. Nothing was changed.' }]);
  });

  it('is refused while the lakehouse is held, and a failed check claims nothing', async () => {
    const sql = await migratedClient();
    const ctx = testCommandContext(sql);
    ctx.busy = true;
    expect(await addSetting('no')(ctx, 'k3')).toMatchObject({ ok: false, reason: 'busy' });
    ctx.busy = false;
    expect(await addSetting('check')(ctx, 'k4')).toMatchObject({ ok: false, reason: 'failed' });
    expect(ctx.released).toEqual([]);
    expect(await sql.query("SELECT * FROM meta.settings WHERE key IN ('k3', 'k4')")).toEqual([]);
    expect(ctx.said.map((s) => s.text)).toEqual(['A run is already in progress; wait for it or cancel it first.', 'The setting could not be saved: that value is not allowed.']);
  });
});
