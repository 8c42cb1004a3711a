// Type stubs for the two essentia.js ES builds the worker imports; the package ships no types for
// them. The real API surface we rely on is typed in loader.ts.
declare module 'essentia.js/dist/essentia-wasm.es.js' {
  export const EssentiaWASM: { EssentiaJS?: unknown; calledRun?: boolean; onRuntimeInitialized?: () => void };
}
declare module 'essentia.js/dist/essentia.js-core.es.js' {
  const Essentia: new (wasm: unknown) => unknown;
  export default Essentia;
}
