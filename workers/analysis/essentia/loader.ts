// Loads essentia.js once per thread. Node (tests, benchmarks) gets the UMD build via require;
// a browser module worker gets the ES build (its `.web.js` build fails inside workers). Both
// builds embed their WASM as a data URI, so vite needs no asset URL for them.

/** The slice of the essentia.js API this worker uses; vectors live in WASM memory and must be deleted. */
export interface EssentiaVector {
  size(): number;
  get(i: number): number;
  delete(): void;
}
export interface Essentia {
  version: string;
  arrayToVector(a: Float32Array): EssentiaVector;
  vectorToArray(v: EssentiaVector): Float32Array;
  Key(
    pcp: EssentiaVector, numHarmonics?: number, pcpSize?: number, profileType?: string, slope?: number,
    useMajMin?: boolean, usePolyphony?: boolean, useThreeChords?: boolean,
  ): { key: string; scale: string; strength: number; firstToSecondRelativeStrength: number };
}

interface EmscriptenModule {
  EssentiaJS?: unknown;
  calledRun?: boolean;
  onRuntimeInitialized?: () => void;
}

let loading: Promise<Essentia> | null = null;

export function loadEssentia(): Promise<Essentia> {
  loading ??= isNode() ? loadNode() : loadWorker();
  return loading;
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string' && typeof (globalThis as { window?: unknown }).window === 'undefined';
}

async function loadNode(): Promise<Essentia> {
  // Hidden from vite's import analysis: the browser bundle must not try to resolve node:module.
  const nodeModule = 'node:module';
  const { createRequire } = (await import(/* @vite-ignore */ nodeModule)) as typeof import('node:module');
  const require = createRequire(import.meta.url);
  // The emscripten UMD build installs process-wide uncaughtException/unhandledRejection handlers
  // that abort the runtime; remove them so one bad promise elsewhere does not kill the process.
  const proc = process as NodeJS.Process;
  const before = { u: proc.listeners('uncaughtException'), r: proc.listeners('unhandledRejection') };
  const wasm = require('essentia.js/dist/essentia-wasm.umd.js') as EmscriptenModule;
  const Core = require('essentia.js/dist/essentia.js-core.umd.js') as new (m: unknown) => Essentia;
  for (const l of proc.listeners('uncaughtException')) if (!before.u.includes(l)) proc.off('uncaughtException', l);
  for (const l of proc.listeners('unhandledRejection')) if (!before.r.includes(l)) proc.off('unhandledRejection', l);
  await ready(wasm);
  return new Core(wasm);
}

async function loadWorker(): Promise<Essentia> {
  const [{ EssentiaWASM }, { default: Core }] = await Promise.all([
    import('essentia.js/dist/essentia-wasm.es.js') as Promise<{ EssentiaWASM: EmscriptenModule }>,
    import('essentia.js/dist/essentia.js-core.es.js') as Promise<{ default: new (m: unknown) => Essentia }>,
  ]);
  await ready(EssentiaWASM);
  return new Core(EssentiaWASM);
}

/** Resolves once the emscripten runtime has registered its bindings (sync in Node, may be async in browsers). */
function ready(m: EmscriptenModule): Promise<void> {
  if (m.EssentiaJS || m.calledRun) return Promise.resolve();
  return new Promise((resolve) => {
    const previous = m.onRuntimeInitialized;
    m.onRuntimeInitialized = () => {
      previous?.();
      resolve();
    };
  });
}
