// Rating prediction on real ratings: `npx tsx tests/bench/ratings.ts`. The rekordbox and iTunes
// samples in ../shared/corpus/history carry star ratings; there is no audio analysis for those
// tracks, so the features are what the collections themselves hold: BPM and key (rekordbox),
// duration, play and skip counts, year added (as a stand-in for year). Prints 5-fold MAE of the
// real model code (workers/ratings) beside always predicting the mean, per sample.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalKey } from '../../src/domain/playlist-rules';
import type { RatingInput } from '../../workers/ratings/api';
import { buildFeatures } from '../../workers/ratings/features';
import { crossValidate, LIBRARY } from '../../workers/ratings/ratings';
import { history } from '../../workers/history/history';
import { report } from './support/app-server';

const DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared/corpus/history');

async function sample(name: string) {
  const file = join(DIR, name);
  if (!existsSync(file)) return console.log(`Skipped ${name}: missing.`);
  const [out] = await history.parse(new Blob([readFileSync(file)]), name);
  if (!out?.ok) return console.log(`Skipped ${name}: ${out && !out.ok ? out.error : 'no outcome'}`);
  // Rating 0 in these players means "not rated", not "zero stars".
  const rated = out.entries.filter((e) => e.rating !== null && e.rating > 0);
  const inputs: RatingInput[] = rated.map((e) => ({
    trackId: `${name}:${e.sourceRowId}`, artist: e.artist, title: e.title, rating: e.rating, bpm: e.bpm, key: e.key ? canonicalKey(e.key) : null,
    energy: null, danceability: null, loudnessLufs: null, durationS: e.durationS, year: e.dateAddedMs ? new Date(e.dateAddedMs).getUTCFullYear() : null,
    genre: null, playCount: e.playCount, skipCount: e.skipCount, mfcc: null,
  }));
  if (inputs.length < 20) return console.log(`${name}: ${inputs.length} rated entries, fewer than 20: no model (as in the app).`);
  const t0 = performance.now();
  const { names, rows } = buildFeatures(inputs);
  const { cvMae, baselineMae } = crossValidate(rows, inputs.map((i) => i.rating!), inputs.map((i) => i.trackId));
  report(`ratings-${name}`, { rated: inputs.length, features: names, cv_mae: cvMae, baseline_mae: baselineMae, library: LIBRARY, seconds: (performance.now() - t0) / 1000 },
    `${inputs.length} rated tracks, 5-fold MAE ${cvMae.toFixed(3)} stars vs ${baselineMae.toFixed(3)} for the mean (${((1 - cvMae / baselineMae) * 100).toFixed(1)} % lower); features: ${names.join(', ')}`);
}

for (const name of ['rekordbox.xml', 'itunes_Library_1192_tracks_leading_junk.xml', 'itunes_library_unix.xml']) await sample(name);
