// A whole Spotify export as a zip: one outcome per recognised file, the rest skipped; streaming
// delivery of batches and progress.
import { createHash } from 'node:crypto';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportProgress, RecordBatch } from '../../workers/history/api';
import { history } from '../../workers/history/history';
import { hasHistoryCorpus, parseBytes, sample } from './history-support';

/** A zip written as a stream (sizes in data descriptors after each entry), as phones and servers make them. */
function streamedZip(files: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => { if (err) throw err; parts.push(chunk); });
  for (const [name, data] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}

describe.skipIf(!hasHistoryCorpus)('zip of an export', () => {
  const files = {
    'Spotify Extended Streaming History/Streaming_History_Audio_2023.json': sample('Streaming_History_Audio_2023.json'),
    'Spotify Extended Streaming History/ReadMeFirst_ExtendedStreamingHistory.pdf': new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]),
    'MyData/StreamingHistory_music_0.json': sample('StreamingHistory_music_0.json'),
    'MyData/StreamingHistory_podcast_0.json': strToU8('[{"endTime":"2020-01-01 00:00","podcastName":"P","episodeName":"E","msPlayed":1}]'),
    'MyData/Userdata.json': strToU8('{"username":"someone","email":"a@b.c"}'),
    'MyData/endsong_0.json': sample('endsong_0.json'),
  };

  it.each([
    ['a stored+deflated zip', () => zipSync(files)],
    ['a streamed zip with data descriptors', () => streamedZip(files)],
  ])('yields one outcome per recognised file from %s', async (_, make) => {
    const out = await parseBytes(make(), 'my_spotify_data.zip');
    expect(out.map((o) => (o.ok ? [o.summary.fileName, o.summary.rowsKept] : o.error))).toEqual([
      ['my_spotify_data.zip/Spotify Extended Streaming History/Streaming_History_Audio_2023.json', 1499],
      ['my_spotify_data.zip/MyData/StreamingHistory_music_0.json', 1500],
      ['my_spotify_data.zip/MyData/endsong_0.json', 493],
    ]);
    // A file inside a zip has the fingerprint it has loose: importing both adds nothing twice.
    const first = out[0]!;
    if (!first.ok) throw new Error('unreachable');
    expect(first.summary.fingerprint).toBe(createHash('sha256').update(sample('Streaming_History_Audio_2023.json')).digest('hex'));
  });

  it('says so when a zip holds nothing it can read, or is cut short', async () => {
    const none = await parseBytes(zipSync({ 'a.txt': strToU8('hello') }), 'other.zip');
    expect(none).toEqual([{ ok: false, fileName: 'other.zip', error: 'other.zip: holds 1 files but no listening-history export among them' }]);
    const whole = zipSync({ 'endsong_0.json': sample('endsong_0.json') });
    const cut = await parseBytes(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.zip');
    expect(cut).toHaveLength(1);
    expect(cut[0]!.ok).toBe(false);
    expect(!cut[0]!.ok && cut[0]!.error).toMatch(/^cut.zip\/endsong_0.json: the zip is truncated/);
  });
});

describe.skipIf(!hasHistoryCorpus)('streaming delivery', () => {
  it('hands records out in batches and reports progress when asked', async () => {
    const bytes = sample('Streaming_History_Audio_2023.json');
    const batches: RecordBatch[] = [];
    const progress: ImportProgress[] = [];
    const out = await history.parse(new Blob([bytes]), 'h.json', (p) => progress.push(p), (b) => { batches.push(b); });
    const o = out[0]!;
    if (!o.ok) throw new Error(o.error);
    expect(o.listens).toEqual([]);
    expect(batches.reduce((n, b) => n + b.listens.length, 0)).toBe(1499);
    expect(progress.at(-1)).toEqual({ fileName: 'h.json', bytesRead: bytes.length, bytesTotal: bytes.length, rowsRead: 1500 });
  });
});
