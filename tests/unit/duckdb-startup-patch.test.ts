// The start-up patches must apply to the DuckDB-WASM version we ship, exactly once each, and
// leave valid JavaScript. What they change at run time is exercised by every e2e test: the
// built app only ships the patched worker.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DUCKDB_GLUE_PATCHES, patchDuckdbGlue } from '../../src/lakehouse/engine/duckdb-startup-patch';

const require = createRequire(import.meta.url);
const glue = readFileSync(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');

describe('DuckDB start-up patches', () => {
  it('apply once each to the installed worker and leave a script that compiles', () => {
    const patched = patchDuckdbGlue(glue);
    for (const patch of DUCKDB_GLUE_PATCHES) {
      expect(patched.includes(patch.from), patch.name).toBe(false);
      expect(patched.includes(patch.to), patch.name).toBe(true);
    }
    expect(() => new Script(patched, { filename: 'duckdb-browser-eh.worker.js' })).not.toThrow();
  });

  it('leave no per-export work behind: no GOT entry made per export, no copy of the exports', () => {
    const patched = patchDuckdbGlue(glue);
    expect(patched).not.toContain('GOT[r]||(GOT[r]=new WebAssembly.Global');
    expect(patched).not.toContain('e=Object.assign({},e)');
    expect(patched).not.toMatch(/for\(var\[\w,\w\]of Object\.entries\(e\)\)(?:\(l=>|\w\.startsWith\("dynCall_"\))/);
  });

  it('refuse a glue they do not match, naming the patch', () => {
    const changed = glue.replace('registerDynCallSymbols=e=>', 'registerDynCallSymbols=(e)=>');
    expect(() => patchDuckdbGlue(changed)).toThrow(/registerDynCallSymbols: for\.\.\.in.*matched 0 times/);
    expect(() => patchDuckdbGlue(glue + glue)).toThrow(/matched 2 times/);
  });
});
