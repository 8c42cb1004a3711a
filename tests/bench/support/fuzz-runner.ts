// The fuzz bench's worker process: generates one folder of mutated files from (seed, first
// index, count) and runs it through the pipeline (tests/support/fuzz-pipeline.ts), answering
// with the per-file outcomes. A separate process because the in-process workers share its one
// thread: a parser stuck in a synchronous loop would stop any timer in it, so the bench's outer
// time limit lives in the parent, which kills and replaces this process.
// The lakehouse modules use Vite's import.meta.glob and ?raw imports: loaded through Vite's SSR loader.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'vite';

export interface RunRequest {
  run: number;
  seed: number;
  first: number;
  count: number;
  root: string;
  corpusTags: string;
  /** Write the folder's files here first (to reproduce a finding outside the bench). */
  keep: string | null;
}

const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
const gen = (await vite.ssrLoadModule('/tests/support/fuzz-mutations.ts')) as typeof import('../../support/fuzz-mutations');
const pipe = (await vite.ssrLoadModule('/tests/support/fuzz-pipeline.ts')) as typeof import('../../support/fuzz-pipeline');
let sources: ReturnType<typeof gen.loadSources> | null = null;

process.on('message', (request: RunRequest | 'exit') => {
  if (request === 'exit') {
    void vite.close().then(() => process.exit(0));
    return;
  }
  void (async () => {
    try {
      sources ??= gen.loadSources(request.corpusTags);
      const generated = performance.now();
      const cases = gen.fuzzFolder(sources, request.seed, request.first, request.count, request.root);
      const generateSeconds = (performance.now() - generated) / 1000;
      if (request.keep) {
        for (const c of cases) {
          mkdirSync(dirname(join(request.keep, c.path)), { recursive: true });
          writeFileSync(join(request.keep, c.path), c.bytes);
        }
      }
      const bytes = cases.reduce((n, c) => n + c.bytes.length, 0);
      const report = await pipe.runFuzzFolder(cases, request.root);
      await send({ run: request.run, report, bytes, generateSeconds, rssMb: Math.round(process.memoryUsage().rss / 1e6) });
    } catch (error) {
      await send({ run: request.run, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
await send('ready');
