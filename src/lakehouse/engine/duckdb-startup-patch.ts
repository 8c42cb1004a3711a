// Build-time patches to DuckDB-WASM's Emscripten glue (duckdb-browser-eh.worker.js) that cut
// about a fifth of an offline cold start. Applied by the `wolfie-duckdb-startup` plugin in
// vite.config.ts; pure string functions so a unit test can run them against the real file.
//
// Why: duckdb-eh.wasm is built as an Emscripten MAIN_MODULE (so it could dlopen extensions) and
// exports 75,011 symbols (65,167 functions). At start-up the glue walks every export several
// times. A trace of a cold start (Chromium, this machine) showed, per start:
//  - updateGOT creating a WebAssembly.Global for every export and adding every exported
//    function to the function table (65k table grows), though the main module's own GOT
//    imports (268) name none of its exports;
//  - mergeLibSymbols and registerDynCallSymbols walking Object.entries() of all exports, with a
//    closure per export;
//  - applySignatureConversions copying the 75k-key exports object only to wrap ~40 functions.
// Together 300-400 ms of JavaScript before DuckDB runs a line of its own.
//
// Each patch keeps the glue's behaviour for everything Wolfie does: we never load a DuckDB
// extension (a side module), the only case where the skipped GOT entries could be read. Entries
// that a later module asks for are still created on demand by the glue's GOTHandler and filled
// by reportUndefinedSymbols from wasmImports, which still holds every export.
//
// A new DuckDB-WASM version that changes this code fails the build (each `from` must match
// exactly once), so the patches can never silently stop applying or apply to the wrong code.

export interface GluePatch {
  name: string;
  from: string;
  to: string;
}

export const DUCKDB_GLUE_PATCHES: readonly GluePatch[] = [
  {
    // Skip exports that have no GOT entry yet instead of creating one for each. `orig$` exports
    // still pass through, because the glue's loop turns `replace` on at the first of them.
    name: 'updateGOT: only exports a GOT entry exists for',
    from: 'updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]=new WebAssembly.Global({value:"i32",mutable:!0})),(t||GOT[r].value==0)&&',
    to: 'updateGOT=(e,t)=>{for(var r in e)if((GOT[r]||r.startsWith("orig$"))&&!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]&&(t||GOT[r].value==0)&&',
  },
  {
    // for...in instead of Object.entries(): no [key, value] array per export.
    name: 'registerDynCallSymbols: for...in',
    from: 'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
    to: 'registerDynCallSymbols=e=>{for(var t in e)t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=e[t])}',
  },
  {
    name: 'mergeLibSymbols: for...in, no closure per export',
    from: 'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}',
    to: 'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var r in e)isSymbolDefined(r)||(wasmImports[r]=e[r])}',
  },
  {
    // The object passed in is the fresh, mutable one relocateExports returned, and only
    // wasmExports refers to it (createWasm reassigns wasmExports to the result), so wrapping the
    // functions in place is the same as wrapping them in a copy.
    name: 'applySignatureConversions: wrap in place, no 75k-key copy',
    from: 'function applySignatureConversions(e){e=Object.assign({},e);',
    to: 'function applySignatureConversions(e){',
  },
];

/** The patched glue; throws naming the patch whose code is not found exactly once. */
export function patchDuckdbGlue(code: string): string {
  let out = code;
  for (const patch of DUCKDB_GLUE_PATCHES) {
    const count = out.split(patch.from).length - 1;
    if (count !== 1) {
      throw new Error(`DuckDB glue patch "${patch.name}" matched ${count} times (expected 1): has @duckdb/duckdb-wasm changed? Review src/lakehouse/duckdb-startup-patch.ts.`);
    }
    out = out.replace(patch.from, () => patch.to);
  }
  return out;
}
