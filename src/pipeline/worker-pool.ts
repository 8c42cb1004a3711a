// A fixed-size pool of comlink workers. A task that times out or whose worker dies rejects with
// WorkerFailure, and that worker is replaced, so the pool keeps its size and the run goes on.
import * as Comlink from 'comlink';

export class WorkerFailure extends Error {
  constructor(readonly kind: 'timeout' | 'crash', message: string) {
    super(message);
  }
}

/**
 * What the pool needs of a worker: a comlink endpoint that can be terminated and reports 'error'.
 * A browser Worker is one; Node tests wrap worker_threads to it (tests/support/node-worker.ts).
 */
export interface PoolWorker extends Comlink.Endpoint {
  terminate(): void;
}

interface Slot<Api> {
  worker: PoolWorker;
  api: Comlink.Remote<Api>;
  crashed: Promise<never>;
}

export function poolSize(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(cores, 8));
}

export class WorkerPool<Api> {
  private idle: Slot<Api>[] = [];
  private waiting: ((slot: Slot<Api>) => void)[] = [];
  private closed = false;

  constructor(
    private readonly create: () => PoolWorker,
    readonly size = poolSize(),
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Slot<Api> {
    const worker = this.create();
    let slot: Slot<Api> | undefined;
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        const message = 'message' in e && typeof e.message === 'string' && e.message ? e.message : 'unknown error';
        reject(new WorkerFailure('crash', `Worker crashed: ${message}`));
        // A worker that dies while idle would fail the next, innocent task: replace it now.
        const at = slot ? this.idle.indexOf(slot) : -1;
        if (at >= 0 && !this.closed) {
          this.idle.splice(at, 1);
          worker.terminate();
          this.give(this.spawn());
        }
      });
    });
    crashed.catch(() => undefined);
    slot = { worker, api: Comlink.wrap<Api>(worker), crashed };
    return slot;
  }

  async run<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, timeoutMs: number): Promise<T> {
    const slot = await this.take();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new WorkerFailure('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
      const result = await Promise.race([task(slot.api), timeout, slot.crashed]);
      this.give(slot);
      return result;
    } catch (error) {
      // A worker that failed us may be wedged: replace it rather than reuse it.
      slot.worker.terminate();
      if (!this.closed) this.give(this.spawn());
      // A task that threw inside the worker (a contract says it never should, or it ran out of
      // memory) is a worker failure to callers too: they record it per file instead of failing the run.
      if (error instanceof WorkerFailure) throw error;
      throw new WorkerFailure('crash', `Worker threw: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private take(): Promise<Slot<Api>> {
    if (this.closed) return Promise.reject(new Error('Worker pool is closed'));
    const slot = this.idle.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(slot: Slot<Api>): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  terminate(): void {
    this.closed = true;
    for (const s of this.idle) s.worker.terminate();
    this.idle = [];
  }
}
