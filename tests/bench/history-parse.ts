// Benchmark: parse 1,000,000 Spotify extended-history rows in Node. Rows are cloned from the real
// sample's records (same keys, same pretty-printed layout) with fresh, increasing timestamps.
// Each mode runs in its own child process so peak RSS belongs to that mode alone.
//   npx tsx tests/bench/history-parse.ts [rows=1000000] [--keep]
// Modes: "batched" streams records out in batches (memory bounded); "collected" returns them all
// in the outcome, as a caller without onBatch gets them.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, openAsBlob, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { history } from '../../workers/history/history';

const HERE = fileURLToPath(import.meta.url);
const SAMPLE = resolve(dirname(HERE), '../../../shared/corpus/history/Streaming_History_Audio_2023.json');

async function generate(path: string, rows: number): Promise<void> {
  const records = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>[];
  const out = createWriteStream(path);
  const start = Date.UTC(2015, 0, 1);
  out.write('[\n');
  for (let i = 0; i < rows; i++) {
    const r = { ...records[i % records.length]!, ts: new Date(start + i * 180_000).toISOString().replace('.000Z', 'Z') };
    const text = JSON.stringify(r, null, 2).replace(/^/gm, '  ') + (i + 1 < rows ? ',\n' : '\n');
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end(']\n');
  await once(out, 'finish');
}

async function child(mode: string, path: string): Promise<void> {
  const blob = await openAsBlob(path);
  let streamed = 0;
  const t0 = performance.now();
  const out = await history.parse(blob, 'bench.json', undefined, mode === 'batched' ? (b) => { streamed += b.listens.length; } : undefined);
  const seconds = (performance.now() - t0) / 1000;
  const o = out[0]!;
  if (!o.ok) throw new Error(o.error);
  const rows = o.summary.rowsRead;
  process.stdout.write(JSON.stringify({
    mode, rows, rowsKept: o.summary.rowsKept, delivered: mode === 'batched' ? streamed : o.listens.length,
    bytes: blob.size, seconds: +seconds.toFixed(2), rowsPerSecond: Math.round(rows / seconds),
    mbPerSecond: +(blob.size / 1e6 / seconds).toFixed(1), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
  }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(args[1]!, args[2]!);
  const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  if (!existsSync(SAMPLE)) {
    console.log(`[skip] ${SAMPLE} not found: the benchmark needs the real sample's shape`);
    return;
  }
  const path = join(tmpdir(), `wolfie-history-bench-${rows}.json`);
  if (!existsSync(path)) {
    const g0 = performance.now();
    await generate(path, rows);
    console.log(`generated ${rows} rows, ${(statSync(path).size / 1e6).toFixed(0)} MB in ${((performance.now() - g0) / 1000).toFixed(1)} s: ${path}`);
  }
  const results = [];
  for (const mode of ['batched', 'collected']) {
    const run = spawnSync(process.execPath, [...process.execArgv, HERE, '--child', mode, path], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`${mode} run failed: ${run.stderr}`);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    results.push(r);
    console.log(JSON.stringify(r));
    console.log(`${mode}: ${r.rows.toLocaleString('en')} rows (${(r.bytes / 1e6).toFixed(0)} MB) in ${r.seconds} s = ${r.rowsPerSecond.toLocaleString('en')} rows/s, ${r.mbPerSecond} MB/s, peak RSS ${r.peakRssMb} MB`);
  }
  if (!args.includes('--keep')) rmSync(path);
}

void main();
