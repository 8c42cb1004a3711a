import { describe, expect, it } from 'vitest';
import { openWhenFree } from '../../src/lakehouse/engine/open-when-free';

const BUSY = "Failed to execute 'createSyncAccessHandle' on 'FileSystemFileHandle': Access Handles cannot be created if there is another open Access Handle or Writable stream associated with the same file.:opfs://wolfie.duckdb";

describe('opening the database file while another page still holds it', () => {
  it('waits for the access handle to be free, then opens', async () => {
    let calls = 0;
    await openWhenFree(async () => {
      if (++calls < 3) throw new Error(BUSY);
    });
    expect(calls).toBe(3);
  });

  it('does not retry any other error', async () => {
    let calls = 0;
    await expect(openWhenFree(async () => {
      calls++;
      throw new Error('Serialization Error: Failed to deserialize');
    })).rejects.toThrow(/Serialization/);
    expect(calls).toBe(1);
  });

  it('gives up with the browser\'s reason when the file stays held', async () => {
    let calls = 0;
    await expect(openWhenFree(async () => {
      calls++;
      throw new Error(BUSY);
    }, 500)).rejects.toThrow(/Access Handles cannot be created/);
    expect(calls).toBeGreaterThan(1);
  });
});
