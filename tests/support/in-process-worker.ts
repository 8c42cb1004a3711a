// A worker module's implementation served over a Node MessageChannel, shaped as the pool's
// PoolWorker: runIngest then runs in Node with the real tag reader and real comlink messaging,
// only without a second thread (these tests are about the database, not about threads).
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import type { PoolWorker } from '../../src/pipeline/worker-pool';

export function inProcessWorker(implementation: object): PoolWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(implementation, port1 as unknown as Comlink.Endpoint);
  const caller = port2 as unknown as Comlink.Endpoint;
  return {
    postMessage: (message, transfer) => caller.postMessage(message, transfer),
    addEventListener: (type, listener) => caller.addEventListener(type, listener),
    removeEventListener: (type, listener) => caller.removeEventListener(type, listener),
    start: () => caller.start?.(),
    terminate() {
      port1.close();
      port2.close();
    },
  };
}
