// Issue 9, worker faults: a worker that throws, hangs, spins, runs out of memory or exits is
// replaced, its file is marked failed with the reason, and the pool keeps its size. Real threads
// (worker_threads behind the pool's PoolWorker interface) run tests/fixtures/workers/faulty.worker.mjs.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnalysisApi } from '../../workers/analysis/api';
import type { IngestApi, TagRecord } from '../../workers/ingest/api';
import type { AnalysisRow } from '../../src/lakehouse/runs/analysis';
import { analyseFiles, analysisTimeoutMs } from '../../src/pipeline/analyse';
import { readAllTags } from '../../src/pipeline/read-tags';
import { WorkerFailure, WorkerPool } from '../../src/pipeline/worker-pool';
import { nodePoolWorker, type NodeWorkerCounts } from '../support/node-worker';

const FAULTY = new URL('../fixtures/workers/faulty.worker.mjs', import.meta.url);

interface FaultyApi {
  echo(v: number): number;
  throws(message: string): never;
  hang(): Promise<never>;
  busyLoop(): never;
  exhaustMemory(): never;
  exit(code: number): never;
  dieSoon(ms: number): void;
}

let pools: WorkerPool<unknown>[] = [];
afterEach(() => {
  pools.forEach((p) => p.terminate());
  pools = [];
});

/** A pool of real threads with a small heap, and the count of threads alive. */
function pool<Api>(size: number) {
  const counts: NodeWorkerCounts = { started: 0, terminated: 0 };
  const p = new WorkerPool<Api>(() => nodePoolWorker(FAULTY, counts, { maxOldGenerationSizeMb: 48 }), size);
  pools.push(p as WorkerPool<unknown>);
  return { pool: p, alive: () => counts.started - counts.terminated, counts };
}

async function failure(work: Promise<unknown>): Promise<WorkerFailure> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkerFailure);
  return error as WorkerFailure;
}

describe('WorkerPool under faults (worker_threads)', () => {
  it('replaces a worker that throws, hangs, spins, runs out of memory or exits; keeps its size', async () => {
    const { pool: p, alive, counts } = pool<FaultyApi>(2);
    expect(await p.run((api) => api.echo(1), 10_000)).toBe(1);
    expect(alive()).toBe(2);

    const threw = await failure(p.run((api) => api.throws('bad header'), 10_000));
    expect(threw).toMatchObject({ kind: 'crash' });
    expect(threw.message).toMatch(/Worker threw: bad header/);

    expect(await failure(p.run((api) => api.hang(), 300))).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/No answer within/) });
    expect(await failure(p.run((api) => api.busyLoop(), 300))).toMatchObject({ kind: 'timeout' });

    const oom = await failure(p.run((api) => api.exhaustMemory(), 30_000));
    expect(oom.kind).toBe('crash');
    expect(oom.message).toMatch(/memory/i);

    expect(await failure(p.run((api) => api.exit(3), 10_000))).toMatchObject({ kind: 'crash', message: expect.stringMatching(/exited with code 3/) });

    // Five faults, five replacements; both workers still answer, side by side.
    expect(counts.started).toBe(2 + 5);
    expect(alive()).toBe(2);
    expect(await Promise.all([1, 2, 3, 4].map((n) => p.run((api) => api.echo(n), 10_000)))).toEqual([1, 2, 3, 4]);
    expect(alive()).toBe(2);
  }, 60_000);

  it('a worker that dies while idle is replaced before the next task reaches it', async () => {
    const { pool: p, alive, counts } = pool<FaultyApi>(1);
    await p.run((api) => api.dieSoon(50), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await p.run((api) => api.echo(5), 10_000)).toBe(5);
    expect([counts.started, alive()]).toEqual([2, 1]);
  }, 30_000);

  it('a fault in one task leaves the tasks beside it alone', async () => {
    const { pool: p, alive } = pool<FaultyApi>(3);
    const results = await Promise.allSettled([p.run((api) => api.echo(1), 10_000), p.run((api) => api.exit(1), 10_000), p.run((api) => api.echo(3), 10_000)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(alive()).toBe(3);
  }, 30_000);

  it('analysis: each faulty file becomes a failed row with its reason, the rest are analysed', async () => {
    const { pool: p, alive } = pool<AnalysisApi>(2);
    const names = ['a.mp3', 'throw.mp3', 'b.mp3', 'hang.mp3', 'oom.mp3', 'exit.mp3', 'c.mp3'];
    const items = names.map((n) => ({ path: `Music/${n}`, fingerprint: null, file: new File([new Uint8Array(10)], n) }));
    const rows: AnalysisRow[] = [];
    const counts = await analyseFiles(p, { analyser: 'faulty', analyserVersion: '1' }, items, {
      signal: new AbortController().signal,
      whenNotPaused: async () => undefined,
      onProgress: () => undefined,
      onRows: (r) => rows.push(...r),
      timeoutMs: () => 5_000, // the real limit is a minute or more; the hang only needs to be caught
    });
    expect(counts).toEqual({ analysed: 7, failed: 4 });
    const byName = Object.fromEntries(rows.map((r) => [r.path.slice(6), r.outcome]));
    for (const ok of ['a.mp3', 'b.mp3', 'c.mp3']) expect(byName[ok]?.ok).toBe(true);
    const reason = (n: string) => (byName[n]?.ok === false ? byName[n].error : '');
    expect(reason('throw.mp3')).toMatch(/^Music\/throw\.mp3: the analyser crashed on this file \(Worker threw: decoder blew up/);
    expect(reason('hang.mp3')).toMatch(/^Music\/hang\.mp3: analysis stopped after 5 s without an answer/);
    expect(reason('oom.mp3')).toMatch(/^Music\/oom\.mp3: the analyser crashed .*memory/i);
    expect(reason('exit.mp3')).toMatch(/^Music\/exit\.mp3: the analyser crashed .*exited with code 7/);
    expect(alive()).toBe(2);
  }, 60_000);

  it('fewer files than workers: no lane reads past the end (the second run of the hostile e2e failed so)', async () => {
    const { pool: p } = pool<AnalysisApi>(3);
    const items = [{ path: 'Music/only.mp3', fingerprint: null, file: new File([new Uint8Array(10)], 'only.mp3') }];
    const rows: AnalysisRow[] = [];
    const opts = { signal: new AbortController().signal, whenNotPaused: async () => undefined, onProgress: () => undefined, onRows: (r: AnalysisRow[]) => rows.push(...r) };
    expect(await analyseFiles(p, { analyser: 'faulty', analyserVersion: '1' }, items, opts)).toEqual({ analysed: 1, failed: 0 });
    expect(rows).toHaveLength(1);
  }, 30_000);

  it('tags: a batch whose worker fails is retried file by file; only the bad file fails', async () => {
    const { pool: p, alive } = pool<IngestApi>(2);
    const files = Array.from({ length: 40 }, (_, i) => ({ path: `Music/${i === 21 ? 'throw' : i === 33 ? 'exit' : 'ok'}-${i}.mp3`, file: new Blob([]) }));
    const records: TagRecord[] = [];
    await readAllTags(p, files, new AbortController().signal, (r) => records.push(...r));
    expect(records.map((r) => r.path).sort()).toEqual(files.map((f) => f.path).sort());
    const failed = records.filter((r) => r.error);
    expect(failed.map((r) => r.path).sort()).toEqual(['Music/exit-33.mp3', 'Music/throw-21.mp3']);
    for (const r of failed) expect(r.error).toMatch(/^The tag reader crashed on this file \(.{10,}\); the file may be damaged\.$/);
    expect(alive()).toBe(2);
  }, 60_000);

  it('the analysis time limit grows with file size', () => {
    expect(analysisTimeoutMs(0)).toBe(60_000);
    // A 150 MB file (an hour of 320 kbps MP3) gets over 13 minutes; decoding it takes about one.
    expect(analysisTimeoutMs(150e6)).toBeGreaterThan(13 * 60_000);
    expect(analysisTimeoutMs(10e6)).toBeGreaterThan(analysisTimeoutMs(5e6));
  });
});
