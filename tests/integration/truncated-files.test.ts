// Issue 16: a file cut short (a copy interrupted, a download that stopped) is told apart from a
// healthy one. FLAC's STREAMINFO and an MP3's Xing/LAME header declare the whole length, which
// the tag reader keeps (tag_duration_s); the analyser counts what decodes. Real corpus files, cut
// in half, through the real run with tag reading and analysis in Node. (A WAV's length is read
// from its size and an Ogg's from its last page, so their cuts agree with the header: not
// detectable this way, and not flagged.)
import { lakeOf } from '../support/command-context';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysis } from '../../workers/analysis/analysis';
import type { AnalysisApi } from '../../workers/analysis/api';
import type { IngestApi } from '../../workers/ingest/api';
import { ingest } from '../../workers/ingest/ingest';
import { loadAnalysisBatch } from '../../src/lakehouse/runs/analysis';
import { runChecks } from '../../src/lakehouse/models/checks';
import type { Lakehouse } from '../../src/lakehouse/engine/db';
import { loadTagBatch } from '../../src/lakehouse/runs/inventory';
import { runModels } from '../../src/lakehouse/models/models';
import { startRun } from '../../src/lakehouse/runs/runs';
import type { SqlClient } from '../../src/lakehouse/engine/sql-client';
import { runIngest } from '../../src/pipeline/ingest-run';
import { WorkerPool } from '../../src/pipeline/worker-pool';
import type { FolderListing } from '../../src/platform/folder-source';
import { CORPUS, hasCorpus } from '../support/corpus';
import { inProcessWorker } from '../support/in-process-worker';
import { migratedClient } from '../support/node-db';
import { record } from './pipeline-fixtures';

const FLAC = `${CORPUS}/tempo/cuidado-FallaCancion.flac`; // 20.0 s
const MP3 = `${CORPUS}/key/song000.mp3`; // 45.0 s, LAME header

function listing(): FolderListing {
  const half = (p: string) => {
    const bytes = readFileSync(p);
    return bytes.subarray(0, Math.floor(bytes.length / 2));
  };
  const files: [string, Uint8Array][] = [
    ['Music/whole.flac', readFileSync(FLAC)],
    ['Music/cut.flac', half(FLAC)],
    ['Music/cut.mp3', half(MP3)],
  ];
  return { root: 'Music', files: files.map(([path, b]) => ({ path, file: new File([new Uint8Array(b)], path.slice(6), { lastModified: 1_000 }) })), skipped: [], handle: null };
}


describe.skipIf(!hasCorpus)('truncated files', () => {
  it('say so in error, report the decoded length, and fail the warning rule on /quality', async () => {
    const sql = await migratedClient();
    const pool = new WorkerPool<IngestApi>(() => inProcessWorker(ingest), 1);
    const analysers = new WorkerPool<AnalysisApi>(() => inProcessWorker(analysis), 1);
    try {
      const result = await runIngest(lakeOf(sql), listing(), {
        kind: 'ingest', signal: new AbortController().signal, pool, onProgress: () => undefined,
        analysis: { pool: analysers, whenNotPaused: async () => undefined },
      });
      expect(result).toMatchObject({ state: 'succeeded', read: 3, analysed: 3 });
    } finally {
      pool.terminate();
      analysers.terminate();
    }
    const rows = await sql.query<{ path: string; duration_s: number; tag_duration_s: number; error: string | null }>(
      'SELECT path, duration_s, tag_duration_s, error FROM gold.track_facts ORDER BY path',
    );
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(byPath['Music/whole.flac']).toMatchObject({ duration_s: 20, tag_duration_s: 20, error: null });
    // The decoded length is the one reported; the header's is kept beside it.
    expect(byPath['Music/cut.flac']!.tag_duration_s).toBe(20);
    expect(byPath['Music/cut.flac']!.duration_s).toBeCloseTo(10.1, 0);
    expect(byPath['Music/cut.flac']!.error).toBe(
      "The file's header says 0:20 but the audio decodes to 0:10: the file is probably truncated; re-copy it from its source.",
    );
    expect(byPath['Music/cut.mp3']!.tag_duration_s).toBeCloseTo(45, 0);
    expect(byPath['Music/cut.mp3']!.duration_s).toBeLessThan(25);
    expect(byPath['Music/cut.mp3']!.error).toMatch(/^The file's header says 0:45 but the audio decodes to 0:2\d: the file is probably truncated; re-copy it from its source\.$/);

    // On /quality: the warning rule fails with the two cut files, and the run still succeeded.
    const [dq] = await sql.query<{ status: string; severity: string; failing_rows: number; sample: string }>(
      `SELECT status, severity, failing_rows, sample FROM meta.dq_results WHERE rule_id = 'gold_duration_matches_header' ORDER BY run_id DESC LIMIT 1`,
    );
    expect(dq).toMatchObject({ status: 'failed', severity: 'warn', failing_rows: 2 });
    expect((JSON.parse(dq!.sample) as { path: string }[]).map((r) => r.path).sort()).toEqual(['Music/cut.flac', 'Music/cut.mp3']);
  }, 120_000);
});

describe('the header and the decoded length', () => {
  const decoded = (path: string, durationS: number) => ({
    path, fingerprint: `fp-${path}`, analyser: 'wolfie-analysis', analyser_version: '1.1.0',
    outcome: { ok: true as const, trackId: path, result: {
      analyser: 'wolfie-analysis', analyserVersion: '1.1.0', durationS, sampleRateHz: 44100, channels: 2, bpm: 120, bpmConfidence: 0.9, firstBeatS: 0,
      keyTonic: 'A', keyMode: 'minor' as const, keyStrength: 0.7, loudnessLufs: -9, loudnessRangeLu: 5, truePeakDbtp: -1, replaygainTrackGainDb: -9,
      danceability: 0.5, energy: 0.5, spectralCentroidHz: 2000, spectralRolloffHz: 5000, spectralFlatness: 0.1, mfccMean: [], hpcpMean: [], waveform: new Uint8Array(4),
    } },
  });

  it('adds the truncation after a reason the file already has; a longer decode or one within 1 s is no error', async () => {
    const sql = await migratedClient();
    const runId = await startRun(sql, 'ingest', 'Music');
    const dateError = 'Unparseable date tag "Oct 3" (expected YYYY or YYYY-MM-DD). Other tags were read; fix the date in a tag editor.';
    await loadTagBatch(sql, runId, [
      record('Music/cut-bad-date.mp3', { duration_s: 200, error: dateError }),
      record('Music/longer.mp3', { duration_s: 200 }),
      record('Music/close.mp3', { duration_s: 200 }),
    ]);
    await loadAnalysisBatch(sql, runId, [decoded('Music/cut-bad-date.mp3', 100.4), decoded('Music/longer.mp3', 230), decoded('Music/close.mp3', 200.9)]);
    await runModels(sql, ['bronze', 'silver', 'gold'], { runId });
    expect(await sql.query('SELECT path, duration_s, error FROM gold.track_facts ORDER BY path')).toEqual([
      { path: 'Music/close.mp3', duration_s: 200.9, error: null },
      { path: 'Music/cut-bad-date.mp3', duration_s: 100.4, error: `${dateError} The file's header says 3:20 but the audio decodes to 1:40: the file is probably truncated; re-copy it from its source.` },
      { path: 'Music/longer.mp3', duration_s: 230, error: null },
    ]);
    const checked = await runChecks(sql, runId, 'gold');
    const rule = checked.results.find((r) => r.rule_id === 'gold_duration_matches_header')!;
    expect(rule).toMatchObject({ status: 'failed', failing_rows: 2 });
    expect(rule.sample.map((r) => r.path).sort()).toEqual(['Music/cut-bad-date.mp3', 'Music/longer.mp3']);
  });
});

