// worker_threads wrapped to the pool's PoolWorker interface, so src/pipeline/worker-pool.ts is
// tested with real threads in Node: comlink's node adapter carries messages, and a thread's
// 'error' or unexpected 'exit' becomes the 'error' event a browser Worker would fire.
import { Worker, type ResourceLimits } from 'node:worker_threads';
// Without the extension: TypeScript then finds the adapter's .d.ts; vite resolves the .mjs.
import nodeEndpoint from 'comlink/dist/esm/node-adapter';
import type { PoolWorker } from '../../src/pipeline/worker-pool';

export interface NodeWorkerCounts {
  started: number;
  terminated: number;
}

export function nodePoolWorker(file: URL, counts: NodeWorkerCounts, resourceLimits?: ResourceLimits): PoolWorker {
  const thread = new Worker(file, { resourceLimits });
  counts.started++;
  const endpoint = nodeEndpoint(thread);
  let terminated = false;
  const errorListeners: ((e: { message: string }) => void)[] = [];
  const fail = (message: string) => errorListeners.forEach((l) => l({ message }));
  thread.on('error', (err: Error) => fail(err.message));
  thread.on('exit', (code) => {
    if (!terminated) fail(`worker exited with code ${code}`);
  });
  return {
    postMessage: (message, transfer) => endpoint.postMessage(message, transfer),
    addEventListener(type, listener) {
      if (type === 'error') errorListeners.push((e) => (typeof listener === 'function' ? listener(e as never) : listener.handleEvent(e as never)));
      else endpoint.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => endpoint.removeEventListener(type, listener),
    terminate() {
      if (terminated) return;
      terminated = true;
      counts.terminated++;
      void thread.terminate();
    },
  };
}
