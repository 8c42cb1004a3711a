// Insight logic: findings appear only with enough support and a real difference from chance.
import { describe, expect, test } from 'vitest';
import { bpmInsight, genreKeyInsights, hoursInsight, skipInsight, zScore } from '../../src/domain/insights';

describe('insights', () => {
  test('z-score of a share against its expectation', () => {
    expect(zScore(0.5, 0.5, 100)).toBe(0);
    expect(zScore(0.6, 0.5, 100)).toBeCloseTo(2, 5);
    expect(zScore(0.6, 0, 100)).toBe(0);
  });

  test('BPM band: stated with plays and library shares when plays concentrate', () => {
    const i = bpmInsight([
      { band: '110–119', tracks: 50, plays: 100 },
      { band: '120–129', tracks: 18, plays: 410 },
      { band: '130–139', tracks: 32, plays: 490 - 0 },
    ].map((r, k) => (k === 2 ? { ...r, plays: 490 } : r)));
    // 130-139 has the most plays (49 %) against 32 % of the library.
    expect(i?.text).toBe('Your most played tracks are typically in the 130–139 BPM range (49 % of plays, 32 % of the library).');
    expect(i?.support).toBe(1000);
    expect(i?.tracks).toEqual({ dim: 'bpm_band', value: '130–139' });
  });

  test('BPM band: nothing when plays follow the library, or the sample is small', () => {
    expect(bpmInsight([{ band: '120–129', tracks: 50, plays: 500 }, { band: '130–139', tracks: 50, plays: 500 }])).toBeNull();
    expect(bpmInsight([{ band: '120–129', tracks: 5, plays: 90 }, { band: '130–139', tracks: 50, plays: 10 }])).toBeNull();
  });

  test('genre keys: concentrated minor keys are reported, spread keys are not', () => {
    const house = ['8A', '5A', '9A', '4A', '11A'].map((camelot) => ({ genre: 'House', camelot, tracks: 18 }));
    house.push({ genre: 'House', camelot: '8B', tracks: 10 });
    const rock = Array.from({ length: 12 }, (_, k) => ({ genre: 'Rock', camelot: `${k + 1}${k % 2 ? 'A' : 'B'}`, tracks: 5 }));
    const out = genreKeyInsights([...house, ...rock]);
    expect(out).toHaveLength(1);
    expect(out[0]!.text).toBe('90 % of your House tracks are in five minor keys (8A, 5A, 9A, 4A, 11A); evenly spread keys would give 21 %.');
    expect(out[0]!.support).toBe(100);
  });

  test('skips: the genre skipped well above the overall rate', () => {
    const i = skipInsight([{ genre: 'Jazz', listens: 100, skips: 100 }, { genre: 'House', listens: 900, skips: 100 }, { genre: 'Rock', listens: 900, skips: 100 }]);
    expect(i?.text).toMatch(/^You skip Jazz more than anything else: 50 % of its 200 starts are skips, against 14 % overall\.$/);
    expect(skipInsight([{ genre: 'Jazz', listens: 90, skips: 10 }, { genre: 'House', listens: 900, skips: 100 }])).toBeNull();
  });

  test('hours: an evening peak against an even spread', () => {
    const rows = Array.from({ length: 7 * 24 }, (_, k) => ({ dow: Math.floor(k / 24) + 1, hour: k % 24, listens: k % 24 >= 19 && k % 24 < 23 ? 30 : 2 }));
    expect(hoursInsight(rows)?.text).toBe('75 % of your plays start between 19:00 and 23:00 UTC (an even spread would give 17 %); Monday is your busiest day.');
    expect(hoursInsight(rows.map((r) => ({ ...r, listens: 5 })))).toBeNull();
  });
});
