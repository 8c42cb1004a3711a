// Long files (issue 3): `npx tsx tests/bench/long-files.ts [--files 10] [--minutes 60]`.
// Ten one-hour MP3s, generated once by ffmpeg into /tmp (a pulse over a chord and pink noise,
// five minutes repeated; each file its own pitch and tempo, so no two have the same audio), are
// chosen through the folder input of the production build in headless Chromium and analysed to
// the end. Goal: the tab stays under 1.5 GB while it analyses them. Reports the largest
// renderer's resident high-water mark (VmHWM: the tab with its workers), the peak of all
// renderers, the page heap, x realtime per core, and each file's results, as JSON plus a line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { libraryOpen, report, startApp } from './support/app-server';
import { chromiumMemory, sampleMemory } from './support/memory';
import { queryViaSqlPage } from './support/sql-page';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('files', 10);
const MINUTES = arg('minutes', 60);

function makeFolder(): string {
  const root = `/tmp/wolfie-bench-long-${FILES}x${MINUTES}/Long Mixes`;
  mkdirSync(root, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const out = join(root, `Mix ${String(i + 1).padStart(2, '0')}.mp3`);
    if (existsSync(out)) continue;
    const f = 110 * 2 ** (i / 12); // one semitone apart
    const bpm = 118 + i * 2;
    const tone = `0.25*sin(2*PI*${f}*t)+0.15*sin(2*PI*${f * 1.5}*t)+0.1*sin(2*PI*${f * 2.52}*t)`;
    const pulse = `0.5*exp(-18*mod(t\\,${(60 / bpm).toFixed(6)}))*sin(2*PI*55*t)`; // '\\,' keeps lavfi from splitting the option
    // Five minutes are synthesised (aevalsrc evaluates its expression per sample: slow), then
    // repeated by stream copy up to the full length.
    const segmentS = Math.min(300, MINUTES * 60);
    const r = spawnSync('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', `aevalsrc=${tone}+${pulse}:s=44100:c=stereo:d=${segmentS}`,
      '-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.05:sample_rate=44100:duration=${segmentS}`,
      '-filter_complex', 'amix=inputs=2:normalize=0', '-c:a', 'libmp3lame', '-b:a', '160k', `${out}.segment.mp3`,
    ], { stdio: 'inherit' });
    const loop = spawnSync('ffmpeg', [
      '-v', 'error', '-y', '-stream_loop', String(Math.ceil((MINUTES * 60) / segmentS) - 1), '-i', `${out}.segment.mp3`, '-c', 'copy',
      '-metadata', `artist=Wolfie Bench`, '-metadata', `title=Long Mix ${i + 1}`, `${out}.part.mp3`,
    ], { stdio: 'inherit' });
    if (r.status !== 0 || loop.status !== 0) throw new Error(`ffmpeg could not make ${out}`);
    rmSync(`${out}.segment.mp3`);
    renameSync(`${out}.part.mp3`, out);
  }
  return root;
}

async function main() {
  if (spawnSync('which', ['ffmpeg']).status !== 0) throw new Error('ffmpeg is needed to generate the long files (apt-get install ffmpeg)');
  const folder = makeFolder();
  const bytes = readdirSync(folder).reduce((n, f) => n + statSync(join(folder, f)).size, 0);
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await libraryOpen(page);
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const memory = await sampleMemory(page, 1000);
    const t0 = Date.now();
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    const end = await page.waitForSelector('[data-testid="pipeline-status"]:is([data-state="succeeded"], [data-state="failed"])', { timeout: 4 * 3_600_000 });
    const wallS = (Date.now() - t0) / 1000;
    memory.stop();
    const hwm = chromiumMemory().rendererHwmMb;
    const state = await end.getAttribute('data-state');
    const [[analyseS]] = (await queryViaSqlPage(page, app.url, `SELECT epoch(ended_at - started_at) FROM meta.run_steps WHERE run_id = 1 AND step = 'analyse'`)) as [[string]];
    const rows = (await queryViaSqlPage(page, app.url, `SELECT path, round(duration_s), round(bpm, 1), key_tonic || ' ' || key_mode, round(loudness_lufs, 1), error FROM raw.analysis ORDER BY path`)) as string[][];
    const audioS = rows.reduce((n, r) => n + Number(r[1] || 0), 0);
    const figures = {
      files: FILES, minutes_each: MINUTES, total_mb: Math.round(bytes / 1e6), cores, run_state: state, wall_s: Math.round(wallS),
      x_realtime_per_core: Math.round((audioS / (Number(analyseS) * cores)) * 10) / 10,
      largest_renderer_hwm_mb: hwm, peak_all_renderers_rss_mb: memory.peak.rendererRssMb, peak_page_heap_mb: memory.peak.pageHeapMb,
      analysed: rows.filter((r) => !r[5]).length, failed: rows.filter((r) => r[5]).map((r) => `${r[0]}: ${r[5]}`),
      results: rows.map((r) => r.slice(0, 5).join(' | ')),
    };
    report('long-files', figures,
      `${FILES} x ${MINUTES} min (${figures.total_mb} MB): run ${state} in ${figures.wall_s} s, ${figures.x_realtime_per_core}x realtime per core; ` +
      `largest renderer (the tab and its workers) peaked at ${hwm} MB (goal < 1500 MB), all renderers ${figures.peak_all_renderers_rss_mb} MB, page heap ${figures.peak_page_heap_mb} MB; ` +
      `${figures.analysed} analysed, ${figures.failed.length} failed`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
