// Smart-playlist rules: validation, sentences, compatible keys, and the SQL they compile to
// (identifiers from the allow-list, every value bound).
import { describe, expect, it } from 'vitest';
import { compatibleKeys, describePlaylist, validatePlaylist, type SmartPlaylist } from '../../src/domain/playlist-rules';
import { compileSmartPlaylist } from '../../src/lakehouse/queries/playlists';

const base: SmartPlaylist = { name: 'Warm', match: 'all', rules: [], sort: { field: 'bpm', dir: 'asc' }, limit: 50 };

describe('smart playlist rules', () => {
  it('lists the keys that mix with a key', () => {
    expect(compatibleKeys('8A').sort()).toEqual(['A minor', 'C major', 'D minor', 'E minor'].sort());
  });
  it('says what is wrong in words', () => {
    expect(validatePlaylist({ ...base, name: ' ', limit: 0, rules: [{ field: 'bpm', op: 'between', min: 130, max: 120 }] })).toEqual([
      'Give the playlist a name.', 'The limit must be a whole number from 1 to 100000.', 'Rule 1 (BPM): the minimum is above the maximum.',
    ]);
  });
  it('compiles to bound SQL and refuses injection through values', () => {
    const p: SmartPlaylist = {
      ...base, match: 'any',
      rules: [
        { field: 'bpm', op: 'between', min: 120, max: 130 },
        { field: 'key', op: 'compatible', key: 'Am' },
        { field: 'genre', op: 'is', value: "x'); DROP TABLE gold.track_facts; --" },
        { field: 'last_played_at', op: 'before', date: '2024-01-01' },
      ],
    };
    const q = compileSmartPlaylist(p);
    expect(q.sql).toContain('WHERE (bpm >= ? AND bpm <= ?) OR key IN (?, ?, ?, ?) OR lower(genre) = lower(?) OR last_played_at < CAST(? AS DATE) ORDER BY bpm ASC');
    expect(q.sql).not.toContain('DROP');
    expect(q.params).toContain("x'); DROP TABLE gold.track_facts; --");
    expect(describePlaylist(p)).toMatch(/^BPM 120–130 or key compatible with Am or genre is/);
    expect(() => compileSmartPlaylist({ ...base, sort: { field: 'path; DROP' as never, dir: 'asc' } })).toThrow(/Cannot sort/);
  });
});
