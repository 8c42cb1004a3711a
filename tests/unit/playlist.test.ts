// The harmonic generator and its transition rules on synthetic pools whose answer is known.
import { describe, expect, it } from 'vitest';
import { bpmStep, compatibleShare, keyRelation, transition, type PlaylistTrack } from '../../src/domain/playlist';
import { generatePlaylist } from '../../src/domain/playlist-generate';

let next = 0;
const track = (key: string | null, bpm: number | null, over: Partial<PlaylistTrack> = {}): PlaylistTrack => ({
  trackId: `t${++next}`, path: `Music/t${next}.mp3`, artist: `Artist ${next}`, title: `Title ${next}`, durationS: 200, bpm, key,
  energy: 0.5, playCount: 0, rating: null, lastPlayedAtMs: null, ...over,
});

describe('transitions', () => {
  it('reads the Camelot wheel: same, +-1, relative, clash', () => {
    expect(keyRelation('A minor', 'A minor')).toBe('same');
    expect(keyRelation('A minor', 'E minor')).toBe('adjacent'); // 8A -> 9A
    expect(keyRelation('A minor', 'D minor')).toBe('adjacent'); // 8A -> 7A
    expect(keyRelation('A minor', 'C major')).toBe('relative'); // 8A <-> 8B
    expect(keyRelation('A minor', 'F# major')).toBe('clash');
    expect(keyRelation(null, 'C major')).toBe('unknown');
  });
  it('understands half and double time within 6 %', () => {
    expect(bpmStep(128, 64)).toEqual({ diff: 0, factor: 2 });
    expect(bpmStep(70, 140)).toEqual({ diff: 0, factor: 0.5 });
    expect(bpmStep(120, 127)!.diff!).toBeCloseTo(7 / 120);
    expect(transition(track('A minor', 120), track('A minor', 127)).ok).toBe(true);
    expect(transition(track('A minor', 120), track('A minor', 128)).ok).toBe(false); // 6.7 %
    expect(transition(track('A minor', 120), track('Bb minor', 120)).ok).toBe(false);
  });
});

describe('generatePlaylist', () => {
  // A chain that is only fully compatible in one order: 8A/120 -> 9A/123 -> 10A/126 -> 11A/129 -> 12A/132, plus decoys that clash.
  const chain = [track('A minor', 120), track('E minor', 123), track('B minor', 126), track('F# minor', 129), track('C# minor', 132)];
  const decoys = [track('Eb major', 90), track('F major', 175), track('Ab major', 100)];
  const pool = [...decoys, ...chain];

  it('finds an all-compatible order when one exists', () => {
    const p = generatePlaylist({ pool, length: { tracks: 5 }, mode: 'balanced', arc: 'rising', artistGap: 3, seeds: [chain[0]!.trackId] });
    expect(p.tracks.map((t) => t.trackId)).toEqual(chain.map((t) => t.trackId));
    expect(p.compatible).toEqual({ ok: 4, total: 4 });
    expect(p.notes).toEqual([]);
  });

  it('keeps locked positions and regenerates the rest', () => {
    const locked = [chain[0]!.trackId, null, chain[2]!.trackId, null, null];
    const p = generatePlaylist({ pool, length: { tracks: 5 }, mode: 'balanced', arc: 'steady', artistGap: 1, locked });
    expect(p.tracks[0]!.trackId).toBe(chain[0]!.trackId);
    expect(p.tracks[2]!.trackId).toBe(chain[2]!.trackId);
    expect(new Set(p.tracks.map((t) => t.trackId)).size).toBe(5);
  });

  it('never repeats an artist within the gap when it can avoid it, and says when it cannot', () => {
    const same = Array.from({ length: 6 }, (_, i) => track('A minor', 120, { artist: i < 3 ? 'Solo' : `Other ${i}` }));
    const p = generatePlaylist({ pool: same, length: { tracks: 6 }, mode: 'balanced', arc: 'steady', artistGap: 2 });
    for (let i = 1; i < p.tracks.length; i++) expect(p.tracks[i]!.artist === 'Solo' && p.tracks[i - 1]!.artist === 'Solo').toBe(false);
    const only = Array.from({ length: 3 }, () => track('A minor', 120, { artist: 'Solo' }));
    const q = generatePlaylist({ pool: only, length: { tracks: 3 }, mode: 'balanced', arc: 'steady', artistGap: 2 });
    expect(q.tracks).toHaveLength(3);
    expect(q.notes.join(' ')).toMatch(/artist gap of 2 was relaxed/);
  });

  it('targets minutes and follows the mode', () => {
    const fav = track('A minor', 120, { rating: 5, playCount: 50 });
    const stale = track('A minor', 120, { rating: 4, playCount: 0 });
    const p = generatePlaylist({ pool: [fav, stale], length: { minutes: 200 / 60 }, mode: 'favourites', arc: 'steady', artistGap: 1 });
    expect(p.tracks.map((t) => t.trackId)).toEqual([fav.trackId]);
    const q = generatePlaylist({ pool: [fav, stale], length: { tracks: 1 }, mode: 'rediscover', arc: 'steady', artistGap: 1 });
    expect(q.tracks[0]!.trackId).toBe(stale.trackId);
  });

  it('reports a library that cannot be fully compatible', () => {
    const p = generatePlaylist({ pool: decoys, length: { tracks: 3 }, mode: 'balanced', arc: 'steady', artistGap: 1 });
    expect(compatibleShare(p.tracks).ok).toBe(0);
    expect(p.notes.join(' ')).toMatch(/break the key or 6 % tempo rule/);
  });
});
