// The value readers the parsers share: dates as the exports write them, file URLs, placeholders.
import { describe, expect, it } from 'vitest';
import { fileUrlToPath, isSuspectTime, parseUtc } from '../../workers/history/parsers/values';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('parseUtc', () => {
  it.each([
    ['2023-09-25T12:26:38Z', '2023-09-25T12:26:38.000Z'],
    ['2020-01-16 03:13', '2020-01-16T03:13:00.000Z'],
    ['2020-09-18', '2020-09-18T00:00:00.000Z'],
    ['2023-09-25T14:26:38+02:00', '2023-09-25T12:26:38.000Z'],
    ['2023-09-25T12:26:38.250Z', '2023-09-25T12:26:38.250Z'],
    ['11 Jul 2024, 09:07', '2024-07-11T09:07:00.000Z'],
    ['1 Feb 2021 08:00', '2021-02-01T08:00:00.000Z'],
    ['1720688852', '2024-07-11T09:07:32.000Z'],
    ['1720688852000', '2024-07-11T09:07:32.000Z'],
  ])('%j', (text, want) => expect(iso(parseUtc(text))).toBe(want));

  it.each(['', 'yesterday', '32 Foo 2020, 10:00', null, undefined])('%j is not a date', (text) => expect(parseUtc(text)).toBeNull());
});

describe('fileUrlToPath', () => {
  it.each([
    ['file://localhost/C:/Documents%20and%20Settings/x.mp3', 'C:/Documents and Settings/x.mp3'],
    ['file:///Users/csev/Music/a%20b.mp3', '/Users/csev/Music/a b.mp3'],
    ['file://localhost/Users/roberts/Desktop/Chris%20Stussy%20%5bLocus%5d.aiff', '/Users/roberts/Desktop/Chris Stussy [Locus].aiff'],
    ['file://localhost/Music/100%.mp3', '/Music/100%.mp3'],
    ['http://example.invalid/stream', null],
    ['', null],
  ])('%j -> %j', (url, want) => expect(fileUrlToPath(url)).toBe(want));
});

describe('isSuspectTime', () => {
  const now = Date.UTC(2025, 0, 1);
  it('flags 1970, far-future and non-finite times only', () => {
    expect(isSuspectTime(0, now)).toBe(true);
    expect(isSuspectTime(Date.UTC(2100, 0, 1), now)).toBe(true);
    expect(isSuspectTime(Number.NaN, now)).toBe(true);
    expect(isSuspectTime(Date.UTC(2024, 6, 11), now)).toBe(false);
  });
});
