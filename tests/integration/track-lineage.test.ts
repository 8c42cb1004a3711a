// Row-level lineage on the real engine: a track read from tags, analysed, and heard in two imported
// history files and in Wolfie's player says where each of its values came from.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../workers/analysis/api';
import { loadAnalysisBatch } from '../../src/lakehouse/runs/analysis';
import { rateTrack, recordPlayerEvent } from '../../src/app/commands/interactions';
import { testCommandContext } from '../support/command-context';
import { loadTagBatch } from '../../src/lakehouse/runs/inventory';
import { runModels } from '../../src/lakehouse/models/models';
import { catalog } from '../../src/lakehouse/queries/observability';
import { startRun } from '../../src/lakehouse/runs/runs';
import { tableSizes } from '../../src/lakehouse/engine/schema-sizes';
import { describeFields, type TrackSources } from '../../src/domain/track-lineage';
import { trackLineage } from '../../src/lakehouse/models/track-lineage';
import { runImport } from '../../src/pipeline/import-run';
import { historyLoad } from '../../workers/history-load/history-load';
import { tagRecord } from '../support/history-lake';
import { migratedClient, nodeClient } from '../support/node-db';
import { migrate } from '../../src/lakehouse/engine/migrate';

const NATIVE = JSON.stringify({ 'ID3v2.4': [{ id: 'TIT2', value: 'Primary' }, { id: 'TPE1', value: 'The Cure' }], ID3v1: [{ id: 'title', value: 'Primary' }] });

const measured: Omit<AnalysisResult, 'analyser' | 'analyserVersion'> = {
  durationS: 214.5, sampleRateHz: 44100, channels: 2, bpm: 151.2, bpmConfidence: 0.9, firstBeatS: 0.1, keyTonic: 'A', keyMode: 'minor',
  keyStrength: 0.7, loudnessLufs: -9.5, loudnessRangeLu: 5, truePeakDbtp: -0.3, replaygainTrackGainDb: -8.5, danceability: 0.6, energy: 0.8,
  spectralCentroidHz: 2000, spectralRolloffHz: 5000, spectralFlatness: 0.1, mfccMean: [], hpcpMean: [], waveform: new Uint8Array(4),
};

const spotify = JSON.stringify([
  { ts: '2024-07-01T12:03:35Z', ms_played: 215_000, master_metadata_track_name: 'Primary', master_metadata_album_artist_name: 'The Cure',
    master_metadata_album_album_name: 'Faith', spotify_track_uri: 'spotify:track:x', reason_start: 'playbtn', reason_end: 'trackdone', skipped: false },
  { ts: '2024-07-02T09:00:10Z', ms_played: 10_000, master_metadata_track_name: 'Primary', master_metadata_album_artist_name: 'The Cure',
    master_metadata_album_album_name: 'Faith', spotify_track_uri: 'spotify:track:x', reason_start: 'playbtn', reason_end: 'fwdbtn', skipped: true },
]);
// The first scrobble is the Spotify play above (started 12:00:00): one listen with two sources.
const lastfm = 'uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid\n'
  + `"${Date.parse('2024-07-01T12:00:20Z') / 1000}","x","The Cure","","Faith","","Primary",""\n`
  + `"${Date.parse('2024-07-03T20:00:00Z') / 1000}","x","The Cure","","Faith","","Primary",""\n`;

describe('row-level lineage of a track', () => {
  it('names the tag format and reader, the analyser and version, the imports and the runs behind each value', async () => {
    const sql = await migratedClient();
    const ingest = await startRun(sql, 'ingest', 'Music');
    const path = 'Music/primary.mp3';
    await loadTagBatch(sql, ingest, [{
      ...tagRecord({ path, artist: 'The Cure', title: 'Primary', duration_s: 215, rating_tag: 3, play_count_tag: 1 }),
      fingerprint: 'fp-primary', reader: 'music-metadata 11.16.1', container: 'MPEG', native_json: NATIVE, genre: 'alt rock',
    }]);
    await loadAnalysisBatch(sql, ingest, [{
      path, fingerprint: 'fp-primary', analyser: 'wolfie-analysis', analyser_version: '1.1.0',
      outcome: { ok: true, trackId: 'x', result: { analyser: 'wolfie-analysis', analyserVersion: '1.1.0', ...measured } },
    }]);
    await runModels(sql, ['bronze', 'silver', 'gold'], { runId: ingest });
    const [{ track_id: id } = { track_id: '' }] = await sql.query<{ track_id: string }>('SELECT track_id FROM gold.track_facts');
    const ctx = testCommandContext(sql);
    await recordPlayerEvent(ctx, { trackId: id, event: 'play', positionS: 120, startedAtMs: Date.parse('2024-08-01T10:00:00Z') });
    const imported = await runImport({ sql, checkpoint: async () => undefined },
      [new File([spotify], 'Streaming_History_Audio_2024.json'), new File([lastfm], 'scrobbles.csv')], { parse: historyLoad.parse });
    expect(imported.error ?? imported.state).toBe('succeeded');

    const lineage = (await trackLineage(sql, id))!;
    expect(lineage.sources.gold_run_id).toBe(imported.runId);
    expect(lineage.sources.tags_run_id).toBe(ingest);
    expect(lineage.tagFormats).toEqual(['ID3v2.4', 'ID3v1']);
    const f = lineage.fields;
    expect(f.title).toBe(`tag (ID3v2.4 + ID3v1) of ${path}, read by music-metadata 11.16.1, run ${ingest}`);
    expect(f.genre).toMatch(/; "alt rock" mapped to "Alternative Rock" by meta\.genre_aliases$/);
    expect(f.bpm).toBe(`analyser wolfie-analysis 1.1.0 (essentia.js and its own DSP) on ${path}, run ${ingest}`);
    expect(f.loudness_lufs).toBe(f.bpm);
    expect(f.duration_s).toMatch(/^decoded samples counted by the analyser wolfie-analysis 1\.1\.0/);
    expect(f.codec).toBe(`MPEG header of ${path}, read by music-metadata 11.16.1, run ${ingest}`);

    // Spotify: 1 play (shared with Last.fm) + 1 skip; Last.fm: 2 plays, one of them the shared one.
    const byFile = lineage.contributions.map((c) => [c.kind, c.source, c.file_name, c.run_id, c.plays, c.skips, c.shared_listens]);
    expect(byFile).toEqual([
      ['history', 'spotify', 'Streaming_History_Audio_2024.json', imported.runId, 1, 1, 1],
      ['history', 'lastfm', 'scrobbles.csv', imported.runId, 2, 0, 1],
      ['player', 'wolfie-player', null, null, 1, 0, null],
    ]);
    expect(lineage.contributions[0]!.import_id).toBeLessThan(lineage.contributions[1]!.import_id!);
    // 2 distinct service plays beat the tag's counter of 1; the player's play adds on top (gold says 3).
    const [gold] = await sql.query<{ play_count: number; skip_count: number; rating: number }>('SELECT play_count, skip_count, rating FROM gold.track_facts');
    expect(gold).toEqual({ play_count: 3, skip_count: 1, rating: 3 });
    expect(f.play_count).toBe("largest of listening history 2 (2 imports), play-count tag 1, plus 1 in Wolfie's player");
    expect(f.skip_count).toBe('listening history 1 (1 import)');
    expect(f.rating).toBe(`rating tag (POPM / FMPS / RATING) of ${path}`);
    expect(f.predicted_rating).toBeUndefined();

    // The person's own rating wins over the tag once set, and the track page says so.
    await rateTrack(ctx, id, 4.5, 'track-page', 'Primary');
    await runModels(sql, ['silver', 'gold'], { runId: 99 });
    const after = (await trackLineage(sql, id))!;
    expect(after.fields.rating).toMatch(/^your rating, set in Wolfie at .* \(track-page\)$/);
    expect(after.ratings.map((r) => [r.source, r.rating])).toEqual([['user', 4.5], ['tag', 3]]);
    expect(after.sources.gold_run_id).toBe(99);
    expect(await trackLineage(sql, 'no-such-track')).toBeNull();
  });

  it('falls back to the tags for tempo and key, and names another player\'s import for counters and rating', () => {
    const s = {
      path: 'Music/x.flac', tag_reader: 'music-metadata 11.16.1', tags_run_id: 2, container: 'FLAC', bpm_tag: 128, key_tag: 'A minor',
      bpm_analysed: false, key_analysed: false, analyser: null, service_plays: 0, player_plays: 0, play_count_tag: null, first_seen_run: 1,
    } as unknown as TrackSources;
    const itunes = { kind: 'library', source: 'itunes', import_id: 4, file_name: 'Library.xml', format: 'itunes-xml', run_id: 7, plays: 12, skips: 1, shared_listens: null, rating: 4 } as const;
    const f = describeFields(s, ['Vorbis comment'], [itunes], [
      { source: 'itunes', rating: 4, precedence: 3, provenance: '', rated_at: null, match_confidence: 0.9, import_id: 4, import_file: 'Library.xml', import_run_id: 7 },
    ], 'this file');
    expect(f.bpm).toBe('BPM tag (Vorbis comment) of this file, read by music-metadata 11.16.1, run 2');
    expect(f.key).toBe('key tag (Vorbis comment) of this file, read by music-metadata 11.16.1, run 2');
    expect(f.loudness_lufs).toBeUndefined();
    expect(f.play_count).toBe('iTunes / Apple Music library 12 (import #4 (Library.xml), run 7)');
    expect(f.rating).toBe('iTunes / Apple Music library, import #4 (Library.xml), run 7');
  });

  it('gives the catalog a size for every stored table and none for views', async () => {
    // A database file: only checkpointed (persistent) blocks have a size.
    const sql = await nodeClient(join(mkdtempSync(join(tmpdir(), 'wolfie-catalog-')), 'lake.db'));
    await migrate(sql);
    await sql.exec(`CREATE TABLE raw.lineage_probe AS SELECT range AS i, 'value ' || range AS s FROM range(200000); CHECKPOINT`);
    const sizes = await tableSizes(sql, ['raw', 'meta']);
    const probe = sizes.tables.find((t) => t.table === 'lineage_probe');
    expect(probe?.rows).toBe(200_000);
    expect(probe!.bytes).toBeGreaterThan(500_000); // 200,000 strings of ~12 bytes, compressed
    expect(probe!.bytes % sizes.blockSize).toBe(0);
    const tables = await catalog(sql);
    const entry = tables.find((t) => t.schema === 'raw' && t.table === 'lineage_probe')!;
    expect(entry.rows).toBe(200_000);
    expect(entry.bytes).toBe(probe!.bytes);
    expect(tables.every((t) => (t.type === 'VIEW') === (t.bytes === null))).toBe(true);
    sql.close();
  });
});
