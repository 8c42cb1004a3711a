// Recommender evaluation on the real history samples: `npx tsx tests/bench/recommend.ts`.
// Every sample in ../shared/corpus/history is parsed with the real parser. Service listens carry
// artist and title only, so (a) the held-out test runs at the artist level over all timestamped
// listens (criterion = "tracks by X"), and (b) in attribute space (key + BPM band) only for the
// listens whose recording is also in the rekordbox/iTunes collections there (matched by the
// app's own match key), which is the most attribute data these samples allow.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchKey } from '../../src/domain/match';
import { canonicalKey } from '../../src/domain/playlist-rules';
import { bpmBand, type FacetListen } from '../../src/domain/recommend';
import { evaluateRecommender, type Evaluation } from '../../src/domain/recommend-eval';
import type { LibraryEntryRecord, ListenRecord } from '../../workers/history/api';
import { history } from '../../workers/history/history';
import { report } from './support/app-server';

const DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus/history');

function print(name: string, e: Evaluation, what: string) {
  const ratio = e.popularity.hitRate ? e.model.hitRate / e.popularity.hitRate : null;
  report(`recommend-${name}`, { ...e, model_hit_rate: e.model.hitRate, popularity_hit_rate: e.popularity.hitRate },
    `${what}: hit rate@${e.k} ${(e.model.hitRate * 100).toFixed(1)} % (NDCG ${e.model.ndcg.toFixed(3)}) vs popularity ${(e.popularity.hitRate * 100).toFixed(1)} % (NDCG ${e.popularity.ndcg.toFixed(3)})` +
    `${ratio ? `, ${ratio.toFixed(2)}x` : ''}; ${e.train} train / ${e.test} held-out listens, ${e.scored} scorable, ${e.cells} cells`);
}

async function main() {
  if (!existsSync(DIR)) return console.log(`Skipped: ${DIR} is missing.`);
  const listens: ListenRecord[] = [];
  const entries: LibraryEntryRecord[] = [];
  for (const name of readdirSync(DIR).sort()) {
    for (const out of await history.parse(new Blob([readFileSync(join(DIR, name))]), name)) {
      if (!out.ok) continue;
      listens.push(...out.listens);
      entries.push(...out.entries);
    }
  }
  const heard = listens.filter((l) => !l.timestampSuspect && !l.skipped && (l.msPlayed === null || l.msPlayed >= 30_000));
  console.log(`${listens.length} listens parsed, ${heard.length} heard with trusted timestamps; ${entries.length} collection entries.`);
  const byArtist: FacetListen[] = heard.filter((l) => l.artist).map((l) => ({ atMs: l.playedAtMs, facets: { artist: l.artist!.trim().toLowerCase() } }));
  print('artist', evaluateRecommender(byArtist, ['artist']), 'Artist level, all services');

  const attrs = new Map<string, { key: string | null; tempo: string | null }>();
  for (const e of entries) {
    const key = e.key ? canonicalKey(e.key) : null, tempo = bpmBand(e.bpm);
    if (key || tempo) attrs.set(matchKey(e.artist, e.title), { key, tempo });
  }
  const inSpace: FacetListen[] = [];
  for (const l of heard) {
    const a = attrs.get(matchKey(l.artist, l.title));
    if (a) inSpace.push({ atMs: l.playedAtMs, facets: { key: a.key, tempo: a.tempo } });
  }
  if (inSpace.length >= 20) print('key-tempo', evaluateRecommender(inSpace, ['key', 'tempo']), 'Key + BPM band, listens matched to collection entries');
  else console.log(`Attribute space (key + BPM band): only ${inSpace.length} of ${heard.length} listens match a rekordbox/iTunes entry with key or BPM, too few to evaluate.`);
}

await main();
