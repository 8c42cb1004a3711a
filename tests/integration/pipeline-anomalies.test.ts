// Issue 4 anomalies on the real engine: an ingest-volume drop (the inventory guard's case), a BPM
// at double its genre's median, and listening spikes and gaps by median/MAD over daily counts.
import { describe, expect, it } from 'vitest';
import { detectAnomalies } from '../../src/lakehouse/models/anomalies';
import { migratedClient } from '../support/node-db';
import { ingestRun, record } from './pipeline-fixtures';

describe('anomalies', () => {
  it('records a vanished folder and a BPM outlier, with evidence, once', async () => {
    const sql = await migratedClient();
    const lib = Array.from({ length: 30 }, (_, i) => record(`Music/${i}.mp3`, { bpm_tag: i === 0 ? 250 : 120 + (i % 5) }));
    expect((await ingestRun(sql, 'Music', lib)).state).toBe('succeeded');
    const bpm = await sql.query<{ subject: string; evidence: string }>(`SELECT subject, evidence FROM meta.anomalies WHERE kind = 'bpm_outlier'`);
    expect(bpm).toEqual([{ subject: 'Music/0.mp3', evidence: expect.stringMatching(/House median 122(\.0)? BPM over 30 tracks; this track 250/) }]);

    // Most of the folder is gone at once: nothing is tombstoned and the drop is an anomaly.
    const run = await ingestRun(sql, 'Music', [], ['Music/1.mp3', 'Music/2.mp3']);
    expect(run.state).toBe('succeeded');
    const drop = await sql.query<{ run_id: number; observed: number; expected: number; message: string }>(`SELECT run_id, observed, expected, message FROM meta.anomalies WHERE kind = 'ingest_volume_drop'`);
    expect(drop).toEqual([{ run_id: run.runId, observed: 2, expected: 30, message: expect.stringMatching(/28 of 30 known files .* none were marked deleted/) }]);
    expect(await sql.query('SELECT count(*) AS n FROM raw.files WHERE deleted_at IS NOT NULL')).toEqual([{ n: 0 }]);
    // The BPM outlier is not recorded twice.
    expect(await sql.query(`SELECT count(*) AS n FROM meta.anomalies WHERE kind = 'bpm_outlier'`)).toEqual([{ n: 1 }]);
  });

  it('finds listening spikes and gaps with robust statistics', async () => {
    const sql = await migratedClient();
    // 120 days of about 20 listens, a 300-listen day, and 20 silent days.
    await sql.exec(`CREATE OR REPLACE TABLE gold.listening_daily AS
      SELECT CAST(DATE '2024-01-01' + INTERVAL (i) DAY AS DATE) AS day, 'spotify' AS source,
             CASE WHEN i = 50 THEN 300 WHEN i BETWEEN 80 AND 99 THEN 0 ELSE 18 + i % 5 END AS listens
      FROM range(120) r(i) WHERE NOT (i BETWEEN 80 AND 99)`);
    const out = await detectAnomalies(sql, 1);
    expect(out.skipped).toEqual([]);
    const rows = await sql.query<{ kind: string; subject: string }>(`SELECT kind, subject FROM meta.anomalies ORDER BY kind`);
    expect(rows).toEqual([
      { kind: 'listening_gap', subject: '2024-03-21..2024-04-09' },
      { kind: 'listening_spike', subject: '2024-02-20' },
    ]);
    await detectAnomalies(sql, 2);
    expect(await sql.query('SELECT count(*) AS n FROM meta.anomalies')).toEqual([{ n: 2 }]);
  });
});
