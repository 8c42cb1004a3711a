// Ratings from tags and other players on one 0..5 scale.
import { describe, expect, it } from 'vitest';
import { normaliseRating } from '../../src/domain/rating';

describe('normaliseRating', () => {
  it('maps ID3 POPM with the Windows Media Player steps', () => {
    expect([1, 64, 128, 196, 255].map((b) => normaliseRating(b, 'popm'))).toEqual([1, 2, 3, 4, 5]);
    expect(normaliseRating(0, 'popm')).toBeNull();
    expect(normaliseRating(100, 'popm')).toBe(3);
    expect(normaliseRating(256, 'popm')).toBeNull();
  });
  it('maps FMPS_RATING 0..1', () => {
    expect(normaliseRating('0.8', 'fmps')).toBe(4);
    expect(normaliseRating(0.5, 'fmps')).toBe(2.5);
    expect(normaliseRating(1.5, 'fmps')).toBeNull();
  });
  it('reads Vorbis RATING as stars up to 5 and as percent above', () => {
    expect(normaliseRating('4', 'vorbis')).toBe(4);
    expect(normaliseRating('80', 'vorbis')).toBe(4);
    expect(normaliseRating('100', 'vorbis')).toBe(5);
    expect(normaliseRating('abc', 'vorbis')).toBeNull();
  });
  it('maps MP4 rate and iTunes 0-100, rekordbox 0-255', () => {
    expect(normaliseRating(60, 'mp4')).toBe(3);
    expect(normaliseRating(100, 'itunes')).toBe(5);
    expect([51, 102, 153, 204, 255].map((r) => normaliseRating(r, 'rekordbox'))).toEqual([1, 2, 3, 4, 5]);
    expect(normaliseRating(0, 'rekordbox')).toBeNull();
    expect(normaliseRating(-3, 'itunes')).toBeNull();
  });
});
