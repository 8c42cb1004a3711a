// When a play in the built-in player counts (issue 5): at 30 s, or half of a shorter track.
import { describe, expect, it } from 'vitest';
import { playOutcome, playThresholdS } from '../../src/domain/playback';

describe('play or skip', () => {
  it('counts a play at 30 s, or at half a track shorter than a minute', () => {
    expect(playThresholdS(240)).toBe(30);
    expect(playThresholdS(40)).toBe(20);
    expect(playThresholdS(null)).toBe(30);
    expect(playThresholdS(0)).toBe(30);
    expect(playOutcome(29.9, 240)).toBe('skip');
    expect(playOutcome(30, 240)).toBe('play');
    expect(playOutcome(1.4, 2.7)).toBe('play');
    expect(playOutcome(1.2, 2.7)).toBe('skip');
  });
});
