// Analysis speed in the real app: `npx tsx tests/bench/analysis.ts [folder]` (default: a copy of
// the corpus's tempo, key and library folders). Prints x realtime per core for the full feature
// set, and side by side on the same files: `ffmpeg -f null` (decode only, the floor) and
// `aubio tempo` (one feature), each run file by file on one core. Goal: >= 150x per core, and
// the whole folder (tags, analysis, loading) faster than aubio alone.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryOpen, report, startApp } from './support/app-server';
import { queryViaSqlPage } from './support/sql-page';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus');
const AUDIO = /\.(mp3|flac|ogg|opus|wav|aiff?|m4a)$/i;

function defaultFolder(): string {
  const root = '/tmp/wolfie-bench-analysis/Analysis Bench';
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
    for (const sub of ['tempo', 'key', 'library']) cpSync(join(CORPUS, sub), join(root, sub), { recursive: true });
  }
  return root;
}

function listAudio(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listAudio(p) : AUDIO.test(n) ? [p] : [];
  });
}

/** CPU seconds (user + system) of running a command once per file, sequentially. */
function cpuSeconds(command: string, argsFor: (file: string) => string[], files: string[]): number | null {
  if (spawnSync('which', [command]).status !== 0) return null;
  const r = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time (for f in "$@"; do ${command} ${argsFor('"$f"').join(' ')} >/dev/null 2>&1; done)`, '_', ...files], { encoding: 'utf8' });
  const [u, s] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return u! + s!;
}

async function main() {
  const folder = process.argv[2] ?? defaultFolder();
  const files = listAudio(folder);
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await libraryOpen(page);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const t0 = Date.now();
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    const end = await page.waitForSelector('[data-testid="pipeline-status"]:is([data-state="succeeded"], [data-state="failed"])', { timeout: 3_600_000 });
    const wallS = (Date.now() - t0) / 1000;
    if ((await end.getAttribute('data-state')) !== 'succeeded') throw new Error(`The run failed: ${await page.locator('.toasts').innerText()}`);
    const [[analyseS, analysed]] = (await queryViaSqlPage(page, app.url,
      `SELECT epoch(ended_at - started_at), rows_out FROM meta.run_steps WHERE run_id = 1 AND step = 'analyse'`)) as [[string, string]];
    const [[audioS, failed]] = (await queryViaSqlPage(page, app.url,
      `SELECT sum(duration_s), count(error) FROM raw.analysis`)) as [[string, string]];
    const perCore = Number(audioS) / (Number(analyseS) * cores);
    const ffmpegCpu = cpuSeconds('ffmpeg', (f) => ['-v', 'quiet', '-threads', '1', '-i', f, '-f', 'null', '-'], files);
    const aubioCpu = cpuSeconds('aubio', (f) => ['tempo', '-i', f], files);
    const figures = {
      folder, files: files.length, analysed: Number(analysed), failed: Number(failed), cores, audio_seconds: Number(audioS),
      analyse_wall_seconds: Number(analyseS), whole_run_wall_seconds: wallS, x_realtime_per_core: perCore,
      ffmpeg_decode_x_realtime: ffmpegCpu ? Number(audioS) / ffmpegCpu : null, aubio_tempo_x_realtime: aubioCpu ? Number(audioS) / aubioCpu : null,
      aubio_tempo_total_seconds: aubioCpu, goal_x_realtime_per_core: 150,
    };
    report('analysis', figures,
      `${analysed} files, ${(Number(audioS) / 60).toFixed(1)} min of audio: ${perCore.toFixed(0)}x realtime per core (goal >= 150x); ` +
      `ffmpeg -f null ${figures.ffmpeg_decode_x_realtime?.toFixed(0) ?? 'n/a'}x, aubio tempo ${figures.aubio_tempo_x_realtime?.toFixed(0) ?? 'n/a'}x per core; ` +
      `whole run ${wallS.toFixed(1)} s vs aubio tempo alone ${aubioCpu?.toFixed(1) ?? 'n/a'} s`);
  } finally {
    await app.close();
    if (!process.argv[2]) rmSync('/tmp/wolfie-bench-analysis', { recursive: true, force: true });
  }
}

void main();
