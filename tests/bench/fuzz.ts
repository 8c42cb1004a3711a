// Fuzzing bench (issue 16): mutated real files of every container (tests/support/fuzz-mutations.ts)
// through the whole pipeline in Node — tag reading, decoding, analysis and loading into the
// DuckDB lakehouse via runIngest — in folders of --per-run files, one run each. Goals: 0 failed
// runs, 0 hung workers, 0 files without a row or a reason, every reason clear.
//   npx tsx tests/bench/fuzz.ts [--files 5000] [--seed 16] [--from 0] [--per-run 200] [--run-timeout 600] [--keep DIR]
// A finding names its seed and file index; `--seed S --from INDEX --files 1 --keep` regenerates it alone.
// Runs happen in a child process (support/fuzz-runner.ts) so that an outer time limit still holds
// when a parser never yields; the child's own output (decoder chatter) goes to a log file.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolderReport } from '../support/fuzz-pipeline';
import type { RunRequest } from './support/fuzz-runner';
import { report } from './support/report';
import { FuzzTally } from './support/fuzz-tally';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value && !value.startsWith('--') ? value : fallback;
};
const FILES = Number(arg('files', '5000'));
const SEED = Number(arg('seed', '16'));
const FROM = Number(arg('from', '0'));
const PER_RUN = Number(arg('per-run', '200'));
// Generous: a healthy 200-file run takes about a minute here; the pool's own budgets are 60 s per call.
const RUN_TIMEOUT_S = Number(arg('run-timeout', String(Math.max(600, PER_RUN * 3))));
const KEEP = process.argv.includes('--keep') ? arg('keep', join(tmpdir(), `wolfie-fuzz-${SEED}`)) : null;
const CORPUS_TAGS = fileURLToPath(new URL('../../../shared/corpus/tags', import.meta.url));
const LOG = join(tmpdir(), `wolfie-fuzz-${SEED}.log`);

type Answer = { run: number; report: FolderReport; bytes: number; generateSeconds: number; rssMb: number } | { run: number; error: string };

type Message = Answer | { exited: string } | 'ready';

interface Runner {
  child: ChildProcess;
  next(): Promise<Message>;
}

/** The runner process, with its messages (and its exit) as one queue read in order. */
async function startRunner(): Promise<Runner> {
  const log = openSync(LOG, 'a');
  const child = fork(fileURLToPath(new URL('./support/fuzz-runner.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', log, log, 'ipc'] });
  const queue: Message[] = [];
  let waiting: ((m: Message) => void) | null = null;
  const deliver = (m: Message) => {
    if (waiting) (waiting(m), (waiting = null));
    else queue.push(m);
  };
  child.on('message', (m) => deliver(m as Message));
  child.on('exit', (code, signal) => deliver({ exited: `the runner process exited (code ${code}, signal ${signal}); see ${LOG}` }));
  const next = () => new Promise<Message>((resolve) => (queue.length ? resolve(queue.shift()!) : (waiting = resolve)));
  const first = await next();
  if (first !== 'ready') throw new Error(`fuzz runner did not start: ${JSON.stringify(first)}`);
  return { child, next };
}

if (!existsSync(CORPUS_TAGS)) {
  console.log(`SKIP: ${CORPUS_TAGS} is absent; nothing to fuzz`);
  process.exit(0);
}

const tally = new FuzzTally();
const started = performance.now();
let runner: Runner | null = null;
let bytes = 0;
let peakRssMb = 0;
/** Files of runs that never answered (timed out, crashed, threw): nobody could check their rows. */
let notJudged = 0;
const runs = Math.ceil(FILES / PER_RUN);
for (let run = 0; run < runs; run++) {
  const first = FROM + run * PER_RUN;
  const request: RunRequest = { run, seed: SEED, first, count: Math.min(PER_RUN, FROM + FILES - first), root: `Fuzz-${SEED}-r${String(run).padStart(3, '0')}`, corpusTags: CORPUS_TAGS, keep: KEEP };
  runner ??= await startRunner();
  runner.child.send(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const answer = await Promise.race([runner.next(), new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_S * 1000)))]);
  clearTimeout(timer);
  let recycle = false;
  if (answer === 'timeout' || answer === 'ready' || !('report' in answer)) notJudged += request.count;
  if (answer === 'ready') throw new Error('fuzz runner said ready twice');
  if (answer === 'timeout') {
    tally.outerTimeouts++;
    tally.failRun(run, `no answer within ${RUN_TIMEOUT_S} s (files ${first}..${first + request.count - 1} of seed ${SEED}): a parser or decoder may never yield`);
    recycle = true;
  } else if ('exited' in answer) {
    tally.failRun(run, answer.exited);
    runner = null;
  } else if ('error' in answer) {
    tally.failRun(run, answer.error);
    recycle = true;
  } else {
    tally.addReport(run, answer.report);
    bytes += answer.bytes;
    peakRssMb = Math.max(peakRssMb, answer.rssMb);
    // A worker call that ran out of time may still be running in the runner's thread: start afresh.
    recycle = answer.report.workerTimeouts > 0;
  }
  if (recycle && runner) {
    runner.child.kill('SIGKILL');
    runner = null;
  }
  const t = tally.total;
  process.stderr.write(`\rfuzz: run ${run + 1}/${runs}, ${t.files} files, ${tally.failedRuns} failed runs, ${t.missing} without a row, ${tally.workerTimeouts + tally.outerTimeouts} hung`);
}
runner?.child.send('exit');
process.stderr.write('\n');

const wallS = (performance.now() - started) / 1000;
const t = tally.total;
const sorted = [...tally.runSeconds].sort((a, b) => a - b);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const hung = tally.workerTimeouts + tally.outerTimeouts;
const figures = {
  seed: SEED, from: FROM, files: FILES, files_per_run: PER_RUN, runs, failed_runs: tally.failedRuns, hung_workers: hung,
  worker_timeouts: tally.workerTimeouts, outer_timeouts: tally.outerTimeouts, worker_crashes: tally.workerCrashes,
  runs_mentioning_timeout: tally.runsMentioningTimeout, files_judged: t.files, files_not_judged: notJudged, files_without_row_or_reason: t.missing,
  unclear_reasons: t.unclear, healthy_tracks: t.healthy, rows_with_reason: t.reason, files_per_second: round(t.files / wallS, 2),
  wall_s: round(wallS), median_run_s: round(sorted[sorted.length >> 1] ?? 0), slowest_run_s: round(sorted.at(-1) ?? 0),
  generated_mb: round(bytes / 1e6), peak_runner_rss_mb: peakRssMb, step_s: Object.fromEntries(Object.entries(tally.stepSeconds).map(([k, v]) => [k, round(v)])),
  per_container: tally.byContainer, per_family: tally.byFamily, top_reasons: tally.topReasons(), findings: tally.findings,
  load_average_1m: round(loadavg()[0]!, 2), cores: cpus().length, runner_log: LOG,
};
report(
  'fuzz',
  figures,
  `${t.files.toLocaleString('en')} mutated files of ${Object.keys(tally.byContainer).length} containers in ${tally.runs}/${runs} runs (seed ${SEED}) at ${figures.files_per_second} files/s: ` +
    `${tally.failedRuns} failed runs, ${hung} hung workers, ${t.missing} files without a row or a reason, ${t.unclear} unclear reasons (goal 0 each)${notJudged ? `, ${notJudged} files in runs that never answered` : ''}; ` +
    `${t.healthy} healthy tracks, ${t.reason} rows with a reason; median run ${figures.median_run_s} s (load ${figures.load_average_1m} on ${figures.cores} cores)`,
);
process.exit(0);
