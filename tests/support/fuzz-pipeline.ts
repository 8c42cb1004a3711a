// One folder of fuzzed files through the whole pipeline in Node: runIngest with the real tag
// reader and analyser (in-process workers over comlink), into a fresh lakehouse on the real
// DuckDB engine. Then every input path is looked up: a healthy track, a row with its reason, or
// missing (the finding this exists to catch). Shared by the CI property test and the bench.
import type * as Comlink from 'comlink';
import type { AnalysisApi } from '../../workers/analysis/api';
import { analysis } from '../../workers/analysis/analysis';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import { runIngest, type RunResult } from '../../src/pipeline/ingest-run';
import { WorkerFailure, WorkerPool } from '../../src/pipeline/worker-pool';
import type { FuzzCase } from './fuzz-mutations';
import { isClearReason } from './hostile';
import { inProcessWorker } from './in-process-worker';
import { migratedClient } from './node-db';

/** The real pool, counting the calls that hit their time budget or whose worker failed. */
class CountingPool<Api> extends WorkerPool<Api> {
  timeouts = 0;
  crashes = 0;
  override async run<T>(task: (api: Comlink.Remote<Api>) => Promise<T>, timeoutMs: number): Promise<T> {
    try {
      return await super.run(task, timeoutMs);
    } catch (error) {
      if (error instanceof WorkerFailure) error.kind === 'timeout' ? this.timeouts++ : this.crashes++;
      throw error;
    }
  }
}

export type Outcome = 'healthy' | 'reason' | 'missing';

export interface FileOutcome {
  index: number;
  path: string;
  container: string;
  family: string;
  what: string;
  outcome: Outcome;
  /** For 'missing': which row is absent (tags, analysis, gold). */
  missing: string[];
  tagError: string | null;
  analysisError: string | null;
  reasons: string[];
  unclear: string[];
  /** Its reason says a time budget ran out (a hung parser or decoder). */
  hung: boolean;
}

export interface FolderReport {
  runId: number;
  state: RunResult['state'];
  error: string | null;
  files: FileOutcome[];
  /** Worker calls that hit their time budget, and calls whose worker threw or died. */
  workerTimeouts: number;
  workerCrashes: number;
  /** Log lines of the run that mention a timeout or a stop. */
  timeoutLogs: number;
  /** Seconds per step of the run (scan, read_tags, analyse, bronze, ...). */
  steps: Record<string, number>;
  seconds: number;
}

const HUNG = /took longer than|stopped after|without an answer|no answer within|timed? ?out/i;

interface Row extends Record<string, unknown> {
  path: string;
  size_bytes: number;
  has_tags: boolean;
  tag_error: string | null;
  has_analysis: boolean;
  analysis_error: string | null;
  in_gold: boolean;
}

export async function runFuzzFolder(cases: FuzzCase[], root: string): Promise<FolderReport> {
  const started = performance.now();
  const sql = await migratedClient();
  const lake: Lakehouse = { sql, read: sql, checkpoint: async () => undefined, storage: 'memory', close: async () => undefined };
  const pool = new CountingPool<IngestApi>(() => inProcessWorker(ingest), 1);
  const analysisPool = new CountingPool<AnalysisApi>(() => inProcessWorker(analysis), 1);
  try {
    const files = cases.map((c) => ({ path: c.path, file: new File([new Uint8Array(c.bytes)], c.path.split('/').pop()!, { lastModified: 1_000 }) }));
    const result = await runIngest(lake, { root, files, skipped: [], handle: null }, {
      kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined,
      analysis: { pool: analysisPool, whenNotPaused: async () => undefined },
    });
    const rows = await sql.query<Row>(
      `SELECT f.path, f.size_bytes, t.path IS NOT NULL AS has_tags, t.error AS tag_error, a.path IS NOT NULL AS has_analysis, a.error AS analysis_error
       FROM raw.files f LEFT JOIN raw.tag_reads t ON t.path = f.path LEFT JOIN raw.analysis a ON a.path = f.path`,
    );
    // A run that failed before silver leaves no silver.track_files: then no file is in gold.
    const inGold = new Set(
      (await sql.query<{ path: string }>('SELECT s.path FROM silver.track_files s JOIN gold.track_facts g ON g.track_id = s.track_id').catch(() => [])).map((r) => r.path),
    );
    const byPath = new Map(rows.map((r) => [r.path, { ...r, in_gold: inGold.has(r.path) }]));
    const [logs] = await sql.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM meta.logs WHERE run_id = ? AND regexp_matches(message, ?, 'i')`, [result.runId, HUNG.source],
    );
    const steps = await sql.query<{ step: string; s: number }>(
      'SELECT step, epoch(ended_at - started_at) AS s FROM meta.run_steps WHERE run_id = ? ORDER BY ordinal', [result.runId],
    );
    return {
      steps: Object.fromEntries(steps.map((s) => [s.step, Number(s.s)])),
      runId: result.runId, state: result.state, error: result.error, files: cases.map((c) => judge(c, byPath.get(c.path))),
      workerTimeouts: pool.timeouts + analysisPool.timeouts, workerCrashes: pool.crashes + analysisPool.crashes,
      timeoutLogs: Number(logs?.n ?? 0), seconds: (performance.now() - started) / 1000,
    };
  } finally {
    pool.terminate();
    analysisPool.terminate();
    sql.close();
  }
}

function judge(c: FuzzCase, row: Row | undefined): FileOutcome {
  const base = { index: c.index, path: c.path, container: c.container, family: c.family, what: c.what };
  if (!row) return { ...base, outcome: 'missing', missing: ['files'], tagError: null, analysisError: null, reasons: [], unclear: [], hung: false };
  const missing = [
    ...(row.has_tags ? [] : ['tags']),
    // Empty files are not analysed: their tag row says why.
    ...(row.has_analysis || Number(row.size_bytes) === 0 ? [] : ['analysis']),
    ...(row.in_gold ? [] : ['gold']),
  ];
  const reasons = [row.tag_error, row.analysis_error].filter((r): r is string => !!r);
  return {
    ...base, outcome: missing.length ? 'missing' : reasons.length ? 'reason' : 'healthy', missing, reasons,
    tagError: row.has_tags ? row.tag_error : null, analysisError: row.has_analysis ? row.analysis_error : null,
    unclear: reasons.filter((r) => !isClearReason(r)), hung: reasons.some((r) => HUNG.test(r)),
  };
}
