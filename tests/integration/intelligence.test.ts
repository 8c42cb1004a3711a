// Issue 7 end to end in Node on the real engine: migration 0006, smart playlists compiled to SQL,
// the generator over gold, rating predictions into gold.track_facts.predicted_rating (and kept by
// the next build), and an exported M3U loaded by the real mpv against tests/fixtures/library.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toM3u } from '../../src/domain/m3u';
import { generatePlaylist } from '../../src/domain/playlist-generate';
import { listSmartPlaylists, playlistPool, runSmartPlaylist, saveSmartPlaylist, toPlaylistTrack } from '../../src/lakehouse/queries/playlists';
import { latestRatingModel, ratingInputs, storeRatingModel } from '../../src/lakehouse/queries/predictions';
import { train } from '../../workers/ratings/ratings';
import { migratedClient } from '../support/node-db';
import { buildRun, ingestRun, record } from './pipeline-fixtures';

const LIBRARY = resolve(__dirname, '../fixtures/library');
const PLAYABLE = [
  'Orchestra/Hungarian_Dance_number_5_-_Allegro_in_F_sharp_minor_(string_orchestra).hq.ogg', 'Trumpet/sorohanro_-_solo-trumpet-06.hq.ogg',
  'Birds/456440__inspectorj__bird-whistling-robin-single-13.hq.ogg', 'formats/full.flac', 'formats/full.mp3', 'formats/full.ogg',
  'Ünïcødé ♫/ساز.mp3', 'deep/a/b/c/d/e/f/g/deep-track.ogg',
];
const KEYS = ['A minor', 'E minor', 'C major', 'G major', 'D minor', 'F major'];

async function lake(n: number, rated: number) {
  const sql = await migratedClient();
  const records = Array.from({ length: n }, (_, i) => {
    const path = i < PLAYABLE.length ? `library/${PLAYABLE[i]}` : `library/gen/t${i}.mp3`;
    // Taste that a model can learn: minor keys near 124 BPM are loved, the rest less.
    const minor = i % 2 === 0;
    return record(path, {
      artist: `Artist ${i % 7}`, title: `Track ${i}`, bpm_tag: 118 + (i % 13), key_tag: KEYS[i % KEYS.length]!, genre: minor ? 'House' : 'Pop',
      rating_tag: i < rated ? (minor ? 4.5 : 2) : null, year: 2005 + (i % 15),
    });
  });
  await ingestRun(sql, 'library', records);
  return sql;
}

describe('intelligence', () => {
  it('runs saved smart playlists against gold with bound values', async () => {
    const sql = await lake(30, 0);
    await saveSmartPlaylist(sql, { name: 'Warm minor', match: 'all', rules: [{ field: 'key', op: 'compatible', key: '8A' }, { field: 'bpm', op: 'between', min: 120, max: 126 }], sort: { field: 'bpm', dir: 'desc' }, limit: 5 });
    const [saved] = await listSmartPlaylists(sql);
    const rows = await runSmartPlaylist(sql, saved!);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const r of rows) {
      expect(['A minor', 'E minor', 'D minor', 'C major']).toContain(r.key);
      expect(r.bpm).toBeGreaterThanOrEqual(120);
    }
    expect(rows.map((r) => r.bpm)).toEqual([...rows.map((r) => r.bpm)].sort((a, b) => b! - a!));
  });

  it('says it needs 20 ratings, then predicts into gold.track_facts and keeps them across builds', async () => {
    const few = await lake(30, 10);
    const none = train(await ratingInputs(few));
    expect(none.status).toBe('too-few-ratings');
    await storeRatingModel(few, none);
    expect((await few.query<{ n: number }>('SELECT count(predicted_rating) AS n FROM gold.track_facts'))[0]!.n).toBe(0);

    const sql = await lake(60, 40);
    const result = train(await ratingInputs(sql));
    if (result.status !== 'trained') throw new Error(result.message);
    expect(result.cvMae).toBeLessThan(result.baselineMae);
    expect(result.predictions).toHaveLength(20);
    expect(result.predictions[0]!.explanation).toMatch(/harmonically similar to \d+ % of your highly rated tracks/);
    await storeRatingModel(sql, result);
    const check = 'SELECT count(*) FILTER (WHERE predicted_rating IS NOT NULL) AS n, count(*) FILTER (WHERE predicted_rating IS NOT NULL AND rating IS NOT NULL) AS both FROM gold.track_facts';
    expect((await sql.query(check))[0]).toEqual({ n: 20, both: 0 });
    await buildRun(sql, { full: true } as never);
    expect((await sql.query(check))[0]).toEqual({ n: 20, both: 0 });
    expect((await latestRatingModel(sql))?.status).toBe('trained');
  });

  it('exports an M3U that the real mpv resolves entry by entry', async (ctx) => {
    if (spawnSync('mpv', ['--version']).status !== 0) {
      console.log('Skipped: mpv is not installed (apt-get install mpv).');
      ctx.skip();
    }
    const sql = await lake(PLAYABLE.length, 0);
    const pool = (await playlistPool(sql)).map(toPlaylistTrack);
    const list = generatePlaylist({ pool, length: { tracks: PLAYABLE.length }, mode: 'balanced', arc: 'warm-up-peak-cool-down', artistGap: 1 });
    expect(list.tracks).toHaveLength(PLAYABLE.length);
    // The playlist sits "in the library folder": a temp folder linking to the fixture's folders, so nothing is written into the fixture.
    const dir = mkdtempSync(join(tmpdir(), 'wolfie-m3u-'));
    for (const name of readdirSync(LIBRARY)) symlinkSync(join(LIBRARY, name), join(dir, name));
    const relative = join(dir, 'playlist.m3u8');
    writeFileSync(relative, toM3u(list.tracks), 'utf8');
    const absolute = join(tmpdir(), `wolfie-abs-${process.pid}.m3u8`);
    writeFileSync(absolute, toM3u(list.tracks, { absoluteRoot: LIBRARY }), 'utf8');
    for (const file of [relative, absolute]) {
      const out = execFileSync('mpv', ['--no-config', '--ao=null', '--vo=null', '--length=0.1', '--msg-level=all=info', `--playlist=${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      const playing = out.split('\n').filter((l) => l.startsWith('Playing: '));
      expect(playing).toHaveLength(PLAYABLE.length);
      expect(out).not.toMatch(/Cannot open file|Failed to open|Failed to recognize/);
    }
  });
});
