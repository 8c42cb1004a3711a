// Accuracy and speed of the analysis core against the corpus truth and reference tools.
// Run: npx tsx tests/bench/analysis-accuracy.ts   (prints one JSON object, then readable lines)
// Speed is CPU seconds (user + system) per audio second, so it is "per core" and robust to
// other work on the machine; ffmpeg's and aubio's CPU time on the same files is measured alike.
import { readFileSync } from 'node:fs';
import { analysis } from '../../workers/analysis/analysis';
import { openAudio } from '../../workers/analysis/decode';
import { mirexScore, parseKey } from '../../src/domain/key';
import { corpusFiles, ffmpegEbur128, ffprobeDuration, hasTool, timed } from './analysis-corpus';

const files = corpusFiles();
if (files.length === 0) {
  console.log('SKIP: ../shared/corpus is absent; nothing to measure');
  process.exit(0);
}
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

// Warm up the JIT and load WASM once, as a worker does before its first real file.
await analysis.analyse({ trackId: 'warm-up', path: 'warm-up', file: new Blob([readFileSync(files[0]!.path)]) });

interface Row {
  file: string; ok: true; durationS: number; ffprobeS: number | null; durationErrMs: number | null;
  bpm: number | null; truthBpm: number | null; key: string | null; truthKey: string | null; mirex: number | null;
  lufs: number | null; ffLufs: number | null; lra: number | null; ffLra: number | null; tp: number | null; ffTp: number | null;
  xRealtime: number; waveformBytes: number; danceability: number | null; energy: number | null;
}
interface Failed { file: string; ok: false; error: string; ffmpegReadable: boolean }
const rows: (Row | Failed)[] = [];
let audioS = 0, oursCpu = 0, decodeCpu = 0, ffmpegCpu = 0, aubioCpu = 0;
const aubio = hasTool('aubio');
for (const f of files) {
  const blob = new Blob([readFileSync(f.path)]);
  let t = cpu();
  const o = await analysis.analyse({ trackId: f.rel, path: f.rel, file: blob });
  const ourCpu = cpu() - t;
  const ref = ffmpegEbur128(f.path);
  if (!o.ok) {
    rows.push({ file: f.rel, ok: false, error: o.error, ffmpegReadable: ref !== null });
    continue;
  }
  const r = o.result;
  t = cpu();
  for await (const _ of (await openAudio(blob)).stream);
  const decCpu = cpu() - t;
  const ff = timed('ffmpeg', ['-v', 'error', '-i', f.path, '-f', 'null', '-']);
  const au = aubio ? timed('aubio', ['tempo', f.path]) : null;
  audioS += r.durationS; oursCpu += ourCpu; decodeCpu += decCpu; ffmpegCpu += ff.cpuS; aubioCpu += au?.cpuS ?? 0;
  const probe = ffprobeDuration(f.path);
  const truthKey = f.key ? parseKey(f.key) : null;
  const est = r.keyTonic && r.keyMode ? { tonic: r.keyTonic, mode: r.keyMode } : null;
  rows.push({
    file: f.rel, ok: true, durationS: r.durationS, ffprobeS: probe, durationErrMs: probe === null ? null : Math.abs(r.durationS - probe) * 1000,
    bpm: r.bpm, truthBpm: f.bpm, key: est ? `${est.tonic} ${est.mode}` : null, truthKey: f.key,
    mirex: truthKey ? (est ? mirexScore(est, truthKey) : 0) : null,
    lufs: r.loudnessLufs, ffLufs: ref?.integratedLufs ?? null, lra: r.loudnessRangeLu, ffLra: ref?.rangeLu ?? null,
    tp: r.truePeakDbtp, ffTp: ref?.truePeakDbtp ?? null,
    xRealtime: r.durationS / ourCpu, waveformBytes: r.waveform.length, danceability: r.danceability, energy: r.energy,
  });
}

const good = rows.filter((r): r is Row => r.ok);
const tempoRows = good.filter((r) => r.truthBpm !== null && r.bpm !== null);
const within = (a: number, b: number) => Math.abs(a / b - 1) <= 0.04;
const acc1 = tempoRows.filter((r) => within(r.bpm!, r.truthBpm!)).length / tempoRows.length;
const acc2 = tempoRows.filter((r) => [1, 2, 0.5, 3, 1 / 3].some((m) => within(r.bpm!, r.truthBpm! * m))).length / tempoRows.length;
const keyRows = good.filter((r) => r.mirex !== null);
const mirex = keyRows.reduce((a, r) => a + r.mirex!, 0) / keyRows.length;
const lufsErr = good.filter((r) => r.ffLufs !== null && r.lufs !== null).map((r) => ({ file: r.file, err: Math.abs(r.lufs! - r.ffLufs!) }));
const tpErr = good.filter((r) => r.ffTp !== null && r.tp !== null).map((r) => ({ file: r.file, err: Math.abs(r.tp! - r.ffTp!) }));
const durErr = good.filter((r) => r.durationErrMs !== null).map((r) => ({ file: r.file, err: r.durationErrMs! }));
const worst = (xs: { file: string; err: number }[]) => xs.reduce((a, b) => (b.err > a.err ? b : a), { file: '', err: 0 });
const speed = { audioS, xRealtimeFull: audioS / oursCpu, xRealtimeDecodeOnly: audioS / decodeCpu, xRealtimeAnalysisOnly: audioS / Math.max(1e-9, oursCpu - decodeCpu), ffmpegDecodeX: audioS / ffmpegCpu, aubioTempoX: aubio ? audioS / aubioCpu : null };
const gates = {
  tempoAcc1: acc1 >= 0.85, tempoAcc2: acc2 >= 0.95, keyMirex: mirex >= 0.8,
  loudness: worst(lufsErr).err <= 0.5, truePeak: worst(tpErr).err <= 0.5, duration: worst(durErr).err <= 50, speed: speed.xRealtimeFull >= 150,
};
const summary = {
  tempo: { files: tempoRows.length, acc1, acc2 }, key: { files: keyRows.length, mirex },
  loudness: { files: lufsErr.length, maxErrLu: worst(lufsErr) }, truePeak: { files: tpErr.length, maxErrDb: worst(tpErr) },
  duration: { files: durErr.length, maxErrMs: worst(durErr) }, speed, gates,
  failed: rows.filter((r) => !r.ok),
};
console.log(JSON.stringify({ summary, rows }, null, 1));
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
console.log(`\ntempo acc1 ${pct(acc1)} acc2 ${pct(acc2)} (${tempoRows.length} files) | key MIREX ${mirex.toFixed(3)} (${keyRows.length} files)`);
console.log(`loudness max |err| ${worst(lufsErr).err.toFixed(2)} LU (${worst(lufsErr).file}) | true peak max |err| ${worst(tpErr).err.toFixed(2)} dB (${worst(tpErr).file}) | duration max |err| ${worst(durErr).err.toFixed(1)} ms`);
console.log(`speed per core: full ${speed.xRealtimeFull.toFixed(0)}x realtime (decode only ${speed.xRealtimeDecodeOnly.toFixed(0)}x, analysis without decode ${speed.xRealtimeAnalysisOnly.toFixed(0)}x) | ffmpeg -f null ${speed.ffmpegDecodeX.toFixed(0)}x | aubio tempo ${speed.aubioTempoX?.toFixed(0) ?? 'n/a'}x`);
console.log(`gates: ${Object.entries(gates).map(([k, v]) => `${k} ${v ? 'PASS' : 'FAIL'}`).join(', ')}`);
