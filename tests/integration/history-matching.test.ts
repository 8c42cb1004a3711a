// Entity resolution measured end to end on the hand-labelled pairs (tests/fixtures/history/
// match-labelled.json): every pair's track in one library, every pair's listen in one Spotify
// export, through the real import (parse, load, TypeScript resolution, silver.listens).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lakeWith, type Track } from '../support/history-lake';

interface Side { artist: string; title: string; album?: string; durationS?: number }
const { pairs } = JSON.parse(readFileSync(join(__dirname, '../fixtures/history/match-labelled.json'), 'utf8')) as { pairs: { listen: Side; track: Side; same: boolean }[] };

describe('matching listens to library tracks (hand-labelled sample)', () => {
  it('reports precision and recall through the whole import', async () => {
    const tracks: Track[] = pairs.map((p, i) => ({ path: `Music/pair-${i}.mp3`, artist: p.track.artist, title: p.track.title, album: p.track.album, duration_s: p.track.durationS ?? 240 }));
    const { sql, importFiles } = await lakeWith(tracks);
    // One play each, an hour apart; a listen with a known length played to its end.
    const listens = pairs.map((p, i) => ({
      ts: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(), ms_played: (p.listen.durationS ?? 200) * 1000,
      master_metadata_track_name: p.listen.title, master_metadata_album_artist_name: p.listen.artist,
      master_metadata_album_album_name: p.listen.album ?? null, reason_start: 'playbtn', reason_end: 'trackdone', skipped: false,
    }));
    const result = await importFiles({ 'Streaming_History_Audio_labelled.json': JSON.stringify(listens) });
    expect(result.files[0]?.status).toBe('imported');
    const rows = await sql.query<{ source_row_id: string; path: string | null; match_confidence: number | null }>('SELECT source_row_id, path, match_confidence FROM silver.listens');
    const byRecord = new Map(rows.map((r) => [Number(r.source_row_id), r]));
    let tp = 0, fp = 0, fn = 0, tn = 0;
    const misses: string[] = [];
    pairs.forEach((p, i) => {
      const matched = byRecord.get(i + 1)?.path === `Music/pair-${i}.mp3`; // parser record numbers are 1-based
      if (p.same && matched) tp++;
      else if (p.same) (fn++, misses.push(`missed: ${p.listen.artist} - ${p.listen.title} -> ${byRecord.get(i + 1)?.path ?? 'unmatched'}`));
      else if (matched) (fp++, misses.push(`wrongly matched: ${p.listen.artist} - ${p.listen.title} ~ ${p.track.artist} - ${p.track.title}`));
      else tn++;
    });
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`[matching] ${pairs.length} labelled pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
