// One listening-history import run: parse (history worker, records staged as they stream) ->
// load (one transaction per file, duplicates by fingerprint add nothing) -> match (entity
// resolution) -> bronze -> silver -> gold. A file that fails is a summary line, not a failed run.
import * as Comlink from 'comlink';
import type { EncodedBatch, HistoryLoadApi, ImportOutcome, ImportSummary, RejectedRecord } from '../../workers/history-load/api';
import type { Lakehouse } from '../lakehouse/engine/db';
import { dropLeftoverStages, HistoryStage } from '../lakehouse/history/history';
import { resolveMatches, type MatchStats } from '../lakehouse/history/history-match';
import { endRun, log, startRun, updateRunCounts } from '../lakehouse/runs/runs';
import { buildLakehouse } from './build-lakehouse';
import type { Progress } from './progress';
import { createRunContext, failRun } from './run-steps';

export interface ImportFileResult {
  fileName: string;
  status: 'imported' | 'already imported' | 'failed';
  format: string | null;
  rowsRead: number;
  rowsKept: number;
  rowsRejected: number;
  /** A sample of rejected rows with their reasons (the worker caps it at 100). */
  rejected: RejectedRecord[];
  error: string | null;
}

export interface ImportRunResult {
  runId: number;
  state: 'succeeded' | 'failed';
  files: ImportFileResult[];
  match: MatchStats | null;
  /** Listens in silver after the run: matched to a library track, and listened elsewhere. */
  listensMatched: number;
  listensElsewhere: number;
  error: string | null;
}

export interface ImportOptions {
  /** The history-load worker's parse (or the implementation itself, in Node tests). */
  parse: HistoryLoadApi['parse'];
  signal?: AbortSignal;
  onProgress?(p: Progress): void;
}

type Parsed = { ok: true; summary: ImportSummary } | { ok: false; fileName: string; error: string };

export async function runImport(lake: Pick<Lakehouse, 'sql' | 'checkpoint'>, files: readonly File[], opts: ImportOptions): Promise<ImportRunResult> {
  const { sql } = lake;
  const runId = await startRun(sql, 'import', files.length === 1 ? files[0]!.name : `${files.length} history files`);
  const ctx = createRunContext(sql, runId);
  const result: ImportRunResult = { runId, state: 'succeeded', files: [], match: null, listensMatched: 0, listensElsewhere: 0, error: null };
  const stage = new HistoryStage(sql, runId);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const t0 = performance.now();
  let doneBytes = 0;
  const progress = (phase: string, filesDone: number, bytes: number) => {
    const seconds = (performance.now() - t0) / 1000;
    const rate = seconds > 0.5 ? bytes / seconds : 0;
    opts.onProgress?.({ phase, done: filesDone, total: files.length, perSecond: 0, etaSeconds: rate > 0 ? (totalBytes - bytes) / rate : null });
  };
  try {
    await dropLeftoverStages(sql);
    const parsed = await ctx.step('parse', async () => {
      const out: Parsed[] = [];
      for (const [i, file] of files.entries()) {
        if (opts.signal?.aborted) break;
        progress(`Reading ${file.name}`, i, doneBytes);
        const onProgress = Comlink.proxy((p: { bytesRead: number; rowsRead: number }) =>
          progress(`Reading ${file.name}: ${p.rowsRead.toLocaleString('en')} rows, ${mb(p.bytesRead)} of ${mb(file.size)} MB`, i, doneBytes + p.bytesRead),
        );
        const before = new Set(stage.names());
        const outcomes = await parseSafely(opts.parse, file, onProgress, Comlink.proxy((b: EncodedBatch) => stage.add(b)));
        await stage.settle();
        // Whatever this file staged that did not end in a good outcome (a parse error, a worker crash) goes.
        const good = new Set(outcomes.flatMap((o) => (o.ok ? [o.summary.fileName] : [])));
        for (const name of stage.names()) if (!before.has(name) && !good.has(name)) await stage.discard(name);
        for (const o of outcomes) out.push(o.ok ? { ok: true, summary: o.summary } : o);
        doneBytes += file.size;
      }
      const kept = out.reduce((n, o) => n + (o.ok ? o.summary.rowsKept : 0), 0);
      return { value: out, in: files.length, out: kept };
    });

    await ctx.step('load', async () => {
      let rows = 0;
      for (const [i, p] of parsed.entries()) {
        if (!p.ok) {
          result.files.push({ fileName: p.fileName, status: 'failed', format: null, rowsRead: 0, rowsKept: 0, rowsRejected: 0, rejected: [], error: p.error });
          continue;
        }
        progress(`Loading ${p.summary.fileName}`, Math.min(i, files.length), doneBytes);
        const s = p.summary;
        const { status } = await stage.commit(s);
        // Durable per file: a crash later in the run keeps what was already imported.
        await lake.checkpoint();
        if (status === 'imported') rows += s.rowsKept;
        result.files.push({ fileName: s.fileName, status, format: s.format, rowsRead: s.rowsRead, rowsKept: s.rowsKept, rowsRejected: s.rowsRead - s.rowsKept, rejected: s.rejected, error: null });
      }
      const count = (st: ImportFileResult['status']) => result.files.filter((f) => f.status === st).length;
      await updateRunCounts(sql, runId, { files_seen: result.files.length, files_new: count('imported'), files_skipped: count('already imported'), files_failed: count('failed') });
      for (const f of result.files) await log(sql, f.status === 'failed' ? 'error' : f.rowsRejected ? 'warn' : 'info', runId, 'load', summaryLine(f));
      return { value: rows, in: parsed.length, out: rows };
    });

    progress('Matching listens to your tracks', files.length, totalBytes);
    result.match = await ctx.step('match', async () => {
      const m = await resolveMatches(sql, runId);
      return { value: m, in: m.keys, out: m.matched };
    });
    progress('Building the library', files.length, totalBytes);
    await buildLakehouse(ctx);
    await lake.checkpoint();
    const [counts] = await sql.query<{ matched: number; elsewhere: number }>(
      'SELECT count(*) FILTER (WHERE NOT listened_elsewhere) AS matched, count(*) FILTER (WHERE listened_elsewhere) AS elsewhere FROM silver.listens',
    );
    result.listensMatched = counts?.matched ?? 0;
    result.listensElsewhere = counts?.elsewhere ?? 0;
    await endRun(sql, runId, 'succeeded');
    await log(sql, 'info', runId, null, `Import succeeded: ${result.files.map((f) => `${f.fileName} ${f.status}`).join('; ')}`);
    return result;
  } catch (error) {
    result.state = 'failed';
    await stage.discardAll().catch(() => undefined);
    result.error = await failRun(lake, runId, error);
    return result;
  }
}

/** A worker crash or timeout on one file fails that file, not the run. */
type Parse = HistoryLoadApi['parse'];

async function parseSafely(parse: Parse, file: File, onProgress: Parameters<Parse>[2], onBatch: Parameters<Parse>[3]): Promise<ImportOutcome[]> {
  try {
    return await parse(file, file.name, onProgress, onBatch);
  } catch (error) {
    return [{ ok: false, fileName: file.name, error: `${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})` }];
  }
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);

/** One line a person can act on, also written to meta.logs. */
export function summaryLine(f: ImportFileResult): string {
  if (f.status === 'failed') return `${f.error}. Nothing from this file was imported; check that it is an unmodified export.`;
  if (f.status === 'already imported') return `${f.fileName}: already imported earlier (same contents), nothing added.`;
  const rejected = f.rowsRejected ? `, ${f.rowsRejected.toLocaleString('en')} rejected (e.g. ${f.rejected[0]?.where}: ${f.rejected[0]?.reason})` : '';
  return `${f.fileName} (${f.format}): ${f.rowsRead.toLocaleString('en')} rows read, ${f.rowsKept.toLocaleString('en')} kept${rejected}.`;
}

/** The toast after a run: what happened to the files, and how many listens found their track. */
export function describeImport(r: ImportRunResult): { kind: 'success' | 'info' | 'error'; text: string } {
  if (r.state === 'failed') return { kind: 'error', text: `Import run ${r.runId} failed: ${r.error}. Nothing from the file being loaded was kept; see Pipeline.` };
  const n = (s: ImportFileResult['status']) => r.files.filter((f) => f.status === s).length;
  const parts = [`${n('imported')} imported`];
  if (n('already imported')) parts.push(`${n('already imported')} already imported`);
  if (n('failed')) parts.push(`${n('failed')} could not be read (see the summary)`);
  const listens = `${r.listensMatched.toLocaleString('en')} listens match your tracks, ${r.listensElsewhere.toLocaleString('en')} were listened elsewhere`;
  return { kind: n('failed') ? (n('imported') ? 'info' : 'error') : 'success', text: `Listening history: ${parts.join(', ')}. ${listens}.` };
}
