// Issue 15: pages import reads and commands (src/app), never a lakehouse value; a type is fine
// (`import type`). A file under src/ui that imports a value from src/lakehouse fails the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const UI = resolve(__dirname, '../../src/ui');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

/** The value imports of src/lakehouse in a module's text (`import type` and `export type` left out). */
function lakehouseValueImports(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']*\/lakehouse\/[^']*)'/g)].map((m) => m[2]!);
}

describe('layering', () => {
  it('finds value imports and lets type imports through', () => {
    expect(lakehouseValueImports("import { a } from '../../lakehouse/x';\nimport type { B } from '../../lakehouse/y';\nimport {\n  c,\n} from '../lakehouse/z';")).toEqual(['../../lakehouse/x', '../lakehouse/z']);
    expect(lakehouseValueImports("import { useLakehouse } from '../../app/lakehouse-store';")).toEqual([]);
  });

  it('no file under src/ui imports a value from src/lakehouse', () => {
    const found = files(UI).flatMap((f) => lakehouseValueImports(readFileSync(f, 'utf8')).map((m) => `${f.slice(UI.length + 1)}: ${m}`));
    expect(found).toEqual([]);
  });
});
