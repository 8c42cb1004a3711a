// Playlist transitions on real material: `WOLFIE_DIST=/tmp/dist npx tsx tests/bench/playlist.ts [folder]`.
// 1. The corpus library (default ../shared/corpus/library) ingested and analysed by the real app in
//    headless Chromium; its analysed key/BPM/energy read back through /sql; playlists generated
//    with the real generator. 2. The rekordbox sample's collection (real DJ-analysed BPM and key,
//    thousands of tracks) as a second, larger pool. Prints the share of transitions that are
//    Camelot-compatible and within 6 % BPM, and, for a pool that cannot reach 100 %, why.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalKey } from '../../src/domain/playlist-rules';
import { transition, type PlaylistTrack } from '../../src/domain/playlist';
import { generatePlaylist } from '../../src/domain/playlist-generate';
import { history } from '../../workers/history/history';
import { libraryOpen, report, startApp } from './support/app-server';
import { queryViaSqlPage } from './support/sql-page';

const CORPUS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus');

function measure(name: string, pool: PlaylistTrack[], length: number, runs: number) {
  let ok = 0, total = 0;
  // Best possible: is there any compatible successor at all for each track? (a library limit, not the generator's)
  const isolated = pool.filter((a) => !pool.some((b) => b !== a && transition(a, b).ok)).length;
  for (let r = 0; r < runs; r++) {
    const seed = pool[(r * 7919) % pool.length]!;
    const p = generatePlaylist({ pool, length: { tracks: Math.min(length, pool.length) }, mode: (['balanced', 'favourites', 'rediscover'] as const)[r % 3]!, arc: 'warm-up-peak-cool-down', artistGap: 3, seeds: [seed.trackId] });
    ok += p.compatible.ok;
    total += p.compatible.total;
  }
  const share = total ? ok / total : 0;
  report(`playlist-${name}`, { tracks: pool.length, with_key_and_bpm: pool.filter((t) => t.key && t.bpm).length, isolated_tracks: isolated, playlists: runs, transitions: total, compatible: ok, share },
    `${(share * 100).toFixed(1)} % of ${total} transitions Camelot-compatible and within 6 % BPM over ${runs} playlists of up to ${length} from ${pool.length} tracks` +
    (isolated === pool.length ? ` (no two tracks of this library are compatible at all, so 0 % is the most any order can reach)`
      : isolated ? ` (${isolated} tracks have no compatible partner in this library at all, so 100 % is not always reachable)` : ''));
}

async function corpusLibrary(folder: string): Promise<PlaylistTrack[]> {
  const app = await startApp();
  try {
    const { page } = app;
    await page.goto(app.url);
    await libraryOpen(page);
    await page.locator('input[type=file][webkitdirectory]').setInputFiles(folder);
    await page.waitForSelector('[data-testid="pipeline-status"]:is([data-state="succeeded"], [data-state="failed"])', { timeout: 1_800_000 });
    const rows = await queryViaSqlPage(page, app.url, `SELECT track_id, path, artist, title, duration_s, bpm, key, energy FROM gold.track_facts WHERE error IS NULL`);
    return rows.map(([id, path, artist, title, dur, bpm, key, energy]) => ({
      trackId: id!, path: path!, artist: artist || null, title: title || null, durationS: Number(dur) || null, bpm: Number(bpm) || null,
      key: key || null, energy: energy ? Number(energy) : null, playCount: 0, rating: null, lastPlayedAtMs: null,
    }));
  } finally {
    await app.close();
  }
}

async function rekordbox(): Promise<PlaylistTrack[]> {
  const file = join(CORPUS, 'history/rekordbox.xml');
  if (!existsSync(file)) return [];
  const [out] = await history.parse(new Blob([readFileSync(file)]), 'rekordbox.xml');
  if (!out?.ok) return [];
  return out.entries.map((e) => ({
    trackId: `rb${e.sourceRowId}`, path: e.location ?? '', artist: e.artist, title: e.title, durationS: e.durationS, bpm: e.bpm,
    key: e.key ? canonicalKey(e.key) : null, energy: null, playCount: e.playCount ?? 0, rating: e.rating, lastPlayedAtMs: e.lastPlayedAtMs,
  }));
}

async function main() {
  const folder = process.argv[2] ?? join(CORPUS, 'library');
  if (existsSync(folder)) measure('corpus-library', await corpusLibrary(folder), 11, 6);
  else console.log(`Skipped the corpus library: ${folder} is missing.`);
  const rb = await rekordbox();
  if (rb.length) measure('rekordbox-collection', rb.filter((t) => t.key && t.bpm), 30, 30);
  else console.log('Skipped rekordbox: ../shared/corpus/history/rekordbox.xml is missing.');
}

await main();
