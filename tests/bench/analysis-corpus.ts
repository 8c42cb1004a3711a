// Shared by the analysis benchmarks: the development corpus with its truth files, and the
// reference tools (ffmpeg's EBU R128 meter, ffprobe, aubio) measured in CPU seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(process.cwd(), '../shared/corpus');

export interface CorpusFile {
  rel: string; // e.g. 'tempo/techno_loop.mp3'
  path: string;
  bpm: number | null;
  key: string | null;
}

function truth(dir: string): Map<string, string[]> {
  const file = join(CORPUS, dir, 'truth.tsv');
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  return new Map(rows.map((r) => [r[0]!, r.slice(1)]));
}

/** Every audio file of tempo/, key/ and library/*.ogg with whatever truth exists for it. */
export function corpusFiles(): CorpusFile[] {
  if (!existsSync(CORPUS)) return [];
  const tempo = truth('tempo'), key = truth('key');
  const out: CorpusFile[] = [];
  for (const dir of ['tempo', 'key', 'library']) {
    for (const name of readdirSync(join(CORPUS, dir)).sort()) {
      if (/\.(tsv|txt|md)$/.test(name) || (dir === 'library' && !name.endsWith('.ogg'))) continue;
      const t = dir === 'tempo' ? tempo.get(name) : dir === 'key' ? key.get(name) : undefined;
      const bpm = t?.[0] ? Number(t[0]) : null;
      out.push({ rel: `${dir}/${name}`, path: join(CORPUS, dir, name), bpm, key: dir === 'key' ? (t?.[1] ?? null) : null });
    }
  }
  return out;
}

/** Runs a command under /usr/bin/time; returns its output and user+system CPU seconds. */
export function timed(cmd: string, args: string[]): { out: string; cpuS: number; ok: boolean } {
  const r = spawnSync('/usr/bin/time', ['-f', '__CPU %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const m = /__CPU ([\d.]+) ([\d.]+)/.exec(text);
  return { out: text, cpuS: m ? Number(m[1]) + Number(m[2]) : NaN, ok: r.status === 0 };
}

export interface Ebur128 {
  integratedLufs: number;
  rangeLu: number;
  truePeakDbtp: number;
}

/** ffmpeg's EBU R128 summary (integrated, LRA, true peak), or null when ffmpeg cannot read the file. */
export function ffmpegEbur128(path: string): Ebur128 | null {
  const r = spawnSync('ffmpeg', ['-nostats', '-hide_banner', '-i', path, '-af', 'ebur128=peak=true', '-f', 'null', '-'], { encoding: 'utf8' });
  const s = r.stderr ?? '';
  const summary = s.slice(s.lastIndexOf('Summary:'));
  const num = (re: RegExp) => Number(re.exec(summary)?.[1] ?? NaN);
  const result = { integratedLufs: num(/I:\s+(-?[\d.]+) LUFS/), rangeLu: num(/LRA:\s+(-?[\d.]+) LU/), truePeakDbtp: num(/Peak:\s+(-?[\d.inf]+) dBFS/) };
  return r.status === 0 && Number.isFinite(result.integratedLufs) ? result : null;
}

export function ffprobeDuration(path: string): number | null {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  const d = Number(r.stdout.trim());
  return r.status === 0 && Number.isFinite(d) ? d : null;
}

export const hasTool = (name: string): boolean => spawnSync('which', [name]).status === 0;
