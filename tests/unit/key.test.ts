import { describe, expect, it } from 'vitest';
import { camelot, camelotCompatible, mirexScore, normaliseKey, openKey, parseKey } from '../../src/domain/key';

const k = (text: string) => {
  const key = parseKey(text);
  if (!key) throw new Error(`unparsable ${text}`);
  return key;
};

describe('key names', () => {
  it('spells tonics canonically', () => {
    expect(normaliseKey('Db', 'major')).toEqual({ tonic: 'C#', mode: 'major' });
    expect(normaliseKey('A#', 'minor')).toEqual({ tonic: 'Bb', mode: 'minor' });
    expect(normaliseKey('G♯', 'minor')).toEqual({ tonic: 'Ab', mode: 'minor' });
    expect(normaliseKey('Cb', 'major')).toEqual({ tonic: 'B', mode: 'major' });
    expect(normaliseKey('H', 'major')).toBeNull();
  });
  it('parses the usual tag spellings', () => {
    expect(parseKey('A minor')).toEqual({ tonic: 'A', mode: 'minor' });
    expect(parseKey('F#m')).toEqual({ tonic: 'F#', mode: 'minor' });
    expect(parseKey('Ebmaj')).toEqual({ tonic: 'Eb', mode: 'major' });
    expect(parseKey('c')).toEqual({ tonic: 'C', mode: 'minor' });
    expect(parseKey('8A')).toEqual({ tonic: 'A', mode: 'minor' });
    expect(parseKey('1d')).toEqual({ tonic: 'C', mode: 'major' });
    expect(parseKey('nonsense')).toBeNull();
  });
});

describe('Camelot and Open Key', () => {
  it('maps the reference points', () => {
    expect(camelot(k('A minor'))).toBe('8A');
    expect(camelot(k('C major'))).toBe('8B');
    expect(camelot(k('Ab minor'))).toBe('1A');
    expect(camelot(k('B major'))).toBe('1B');
    expect(camelot(k('G major'))).toBe('9B');
    expect(openKey(k('A minor'))).toBe('1m');
    expect(openKey(k('C major'))).toBe('1d');
    expect(openKey(k('G major'))).toBe('2d');
  });
  it('round-trips every key through both wheels', () => {
    for (const tonic of ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B']) {
      for (const mode of ['major', 'minor'] as const) {
        expect(parseKey(camelot({ tonic, mode })!)).toEqual({ tonic, mode });
        expect(parseKey(openKey({ tonic, mode })!)).toEqual({ tonic, mode });
      }
    }
  });
  it('knows which keys mix', () => {
    expect(camelotCompatible(k('8A'), k('8A'))).toBe(true);
    expect(camelotCompatible(k('8A'), k('9A'))).toBe(true);
    expect(camelotCompatible(k('12B'), k('1B'))).toBe(true);
    expect(camelotCompatible(k('8A'), k('8B'))).toBe(true); // relative
    expect(camelotCompatible(k('8A'), k('10A'))).toBe(false);
    expect(camelotCompatible(k('8A'), k('9B'))).toBe(false);
  });
});

describe('MIREX key score', () => {
  it('weights the usual confusions', () => {
    expect(mirexScore(k('D major'), k('D major'))).toBe(1);
    expect(mirexScore(k('A major'), k('D major'))).toBe(0.5); // fifth above
    expect(mirexScore(k('G major'), k('D major'))).toBe(0.5); // fifth below
    expect(mirexScore(k('B minor'), k('D major'))).toBe(0.3); // relative
    expect(mirexScore(k('A major'), k('F# minor'))).toBe(0.3);
    expect(mirexScore(k('D minor'), k('D major'))).toBe(0.2); // parallel
    expect(mirexScore(k('Eb major'), k('D major'))).toBe(0);
  });
});
