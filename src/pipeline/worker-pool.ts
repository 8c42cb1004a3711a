// A fixed-size pool of comlink workers. A task that times out or whose worker dies rejects with
// WorkerFailure, and that worker is replaced, so the pool keeps its size and the run goes on.
import * as Comlink from 'comlink';

export class WorkerFailure extends Error {
  constructor(readonly kind: 'timeout' | 'crash', message: string) {
    super(message);
  }
}

interface Slot<Api> {
  worker: Worker;
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
    private readonly create: () => Worker,
    readonly size = poolSize(),
  ) {
    for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Slot<Api> {
    const worker = this.create();
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => reject(new WorkerFailure('crash', `Worker crashed: ${e.message || 'unknown error'}`)));
    });
    crashed.catch(() => undefined);
    return { worker, api: Comlink.wrap<Api>(worker), crashed };
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
      throw error;
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
