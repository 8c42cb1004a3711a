import { describe, expect, it } from 'vitest';
import { artistSplitPattern, DEFAULT_ARTIST_SEPARATORS, parseSeparators } from '../../src/domain/artist-separators';

const split = (credit: string, seps: readonly string[] = DEFAULT_ARTIST_SEPARATORS) => credit.split(new RegExp(artistSplitPattern(seps)));

describe('artist separators', () => {
  it('splits on ; / , and a spaced &, keeping R&B-style names whole', () => {
    expect(split('A; B')).toEqual(['A', 'B']);
    expect(split('A/B')).toEqual(['A', 'B']);
    expect(split('A , B,C')).toEqual(['A', 'B', 'C']);
    expect(split('A & B')).toEqual(['A', 'B']);
    expect(split('Rhythm&Blues Band')).toEqual(['Rhythm&Blues Band']);
  });
  it('takes separators a person set, escaping what regular expressions treat specially', () => {
    expect(split('A x B', [' x '])).toEqual(['A', 'B']);
    expect(split('Xavier', [' x '])).toEqual(['Xavier']);
    expect(split('A + B', [' + '])).toEqual(['A', 'B']);
    expect(split('A vs. B', [' vs. '])).toEqual(['A', 'B']);
    expect(split('A; B', [])).toEqual(['A; B']);
  });
  it('reads one separator per line and drops blanks and repeats', () => {
    expect(parseSeparators(';\n/\n\n & \n;')).toEqual([';', '/', ' & ']);
  });
});
