// Real-world tag files in the real app: `npx tsx tests/bench/tag-corpus.ts [folder]` (default
// ../shared/corpus/tags). Chooses the folder in Chromium, waits for the whole run, then compares
// every track's title with two reference readers on the same files, python3-mutagen and ffprobe
// (Debian packages), and counts labels that are copyright lines, licences or web addresses.
// Prints JSON plus one readable line. Goals (issue 16): the run succeeds, every file accounted
// for, titles equal to the reference where it reads one >= 98 %, 0 such labels.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libraryOpen, report, startApp } from './support/app-server';
import { queryViaSqlPage } from './support/sql-page';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const folder = resolve(process.argv[2] ?? join(HERE, '../../../shared/corpus/tags'));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// mutagen's easy interface where a format has one, else the usual title frames by hand.
const MUTAGEN = `
import json, sys, mutagen
out = {}
for p in sys.argv[1:]:
    t = None
    try:
        f = mutagen.File(p, easy=True)
        if f is not None and f.tags is not None:
            v = f.tags.get('title') if hasattr(f.tags, 'get') else None
            if not v:
                g = mutagen.File(p)
                for k in ('TIT2', '\\xa9nam', 'Title', 'TITLE', 'title', 'WM/Title'):
                    try:
                        v = g.tags[k]
                        break
                    except Exception:
                        pass
            if v is not None:
                v = v if isinstance(v, list) else [v]
                t = str(getattr(v[0], 'text', [v[0]])[0] if hasattr(v[0], 'text') else v[0])
    except Exception:
        t = None
    out[p] = t
print(json.dumps(out))
`;

function mutagenTitles(paths: string[]): Record<string, string | null> {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', MUTAGEN, ...paths], { maxBuffer: 64 << 20 }).toString());
}

function ffprobeTitle(path: string): string | null {
  try {
    const out = execFileSync('ffprobe', ['-v', 'quiet', '-print_format', 'json', '-show_entries', 'format_tags:stream=codec_type:stream_tags', path], { timeout: 20_000 }).toString();
    const j = JSON.parse(out) as { format?: { tags?: Record<string, string> }; streams?: { codec_type?: string; tags?: Record<string, string> }[] };
    // The file's tags and its audio streams' (a cover picture's stream is titled 'album cover').
    const audio = (j.streams ?? []).filter((s) => s.codec_type === 'audio').map((s) => s.tags);
    const tags = [j.format?.tags, ...audio].filter(Boolean) as Record<string, string>[];
    for (const t of tags) for (const [k, v] of Object.entries(t)) if (k.toLowerCase() === 'title' && v.trim()) return v;
    return null;
  } catch {
    return null;
  }
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/[\s\0]+/g, ' ').trim();

function agreement(ours: Map<string, { title: string }>, reference: Record<string, string | null>) {
  const read = Object.entries(reference).filter(([, t]) => norm(t) !== '');
  const differing = read.filter(([p, t]) => norm(ours.get(p)?.title) !== norm(t));
  return { files_with_reference_title: read.length, equal: read.length - differing.length, share: read.length ? (read.length - differing.length) / read.length : null, differing: differing.slice(0, 20).map(([p, t]) => ({ path: p, reference: t, wolfie: ours.get(p)?.title ?? null })) };
}

/** Reasons grouped by their wording (paths and numbers taken out), most frequent first. */
function reasonCounts(errors: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const e of errors) {
    const key = e.replace(/^[^:]*\.[a-z0-9]{2,4}: /i, '').replace(/\d+(\.\d+)?/g, 'N').slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

async function main() {
  const files = walk(folder);
  const root = folder.split('/').pop()!;
  const relPath = (p: string) => `${root}/${relative(folder, p)}`;
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await libraryOpen(page);
    const t0 = Date.now();
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    await page.waitForFunction(() => document.querySelector('[data-testid="pipeline-status"]')?.getAttribute('data-state') === 'running', undefined, { timeout: 60_000 }).catch(() => undefined);
    await page.waitForFunction(() => !['running', 'idle'].includes(document.querySelector('[data-testid="pipeline-status"]')?.getAttribute('data-state') ?? 'running'), undefined, { timeout: 3_600_000, polling: 500 });
    const wallS = (Date.now() - t0) / 1000;
    const state = await page.getByTestId('pipeline-status').getAttribute('data-state');
    const tracks = await queryViaSqlPage(page, app.url, 'SELECT path, coalesce(title, \'\'), coalesce(label, \'\'), coalesce(error, \'\') FROM gold.track_facts');
    const [counts] = await queryViaSqlPage(page, app.url, 'SELECT files_seen, files_failed, files_skipped, coalesce(error, \'\') FROM meta.runs ORDER BY run_id DESC LIMIT 1');
    const ours = new Map(tracks.map(([path, title, label, error]) => [path!, { title: title!, label: label!, error: error! }]));
    const byRel = (ref: Record<string, string | null>) => Object.fromEntries(Object.entries(ref).map(([p, t]) => [relPath(p), t]));
    const mutagen = agreement(ours, byRel(mutagenTitles(files)));
    const ffprobe = agreement(ours, byRel(Object.fromEntries(files.map((p) => [p, ffprobeTitle(p)]))));
    const badLabels = [...ours.entries()].filter(([, t]) => /https?:|www\.|\(c\)|©|℗|licen/i.test(t.label)).map(([p, t]) => ({ path: p, label: t.label }));
    const figures = {
      folder, files_in_folder: files.length, run_state: state, wall_seconds: wallS, tracks: tracks.length,
      tracks_with_error: tracks.filter((t) => t[3]).length, reasons: reasonCounts(tracks.map((t) => t[3]!).filter(Boolean)), files_seen: Number(counts?.[0]), files_skipped: Number(counts?.[2]), run_error: counts?.[3] || null,
      titles_vs_mutagen: mutagen, titles_vs_ffprobe: ffprobe, labels_like_copyright_url_or_licence: badLabels.length, bad_labels: badLabels.slice(0, 10),
      goals: { run_state: 'succeeded', title_share: 0.98, bad_labels: 0 },
    };
    const pct = (x: number | null) => (x == null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
    report(
      'tag-corpus',
      figures,
      `${files.length} files: run ${state} in ${wallS.toFixed(1)} s, ${tracks.length} tracks (${figures.tracks_with_error} with a reason), ${figures.files_skipped} skipped; titles equal to mutagen ${pct(mutagen.share)} of ${mutagen.files_with_reference_title}, to ffprobe ${pct(ffprobe.share)} of ${ffprobe.files_with_reference_title} (goal >= 98 %); copyright/URL/licence labels ${badLabels.length} (goal 0)`,
    );
  } finally {
    await app.close();
  }
}

void main();
