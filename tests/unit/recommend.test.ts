// Recommender: facets, criteria with evidence, item-item CF and the held-out evaluation.
import { describe, expect, it } from 'vitest';
import { bpmBand, describeCriterion, eraOf, suggestCriteria, type FacetListen, type FacetTrack } from '../../src/domain/recommend';
import { evaluateRecommender } from '../../src/domain/recommend-eval';
import { moreLikeThis, timbreClusters } from '../../src/domain/recommend-similar';

const DAY = 86_400_000;

describe('facets', () => {
  it('bands tempo (half/double folded) and era', () => {
    expect(bpmBand(127.4)).toBe('124-128');
    expect(bpmBand(63.7)).toBe('124-128');
    expect(eraOf(2011)).toBe('early 2010s');
    expect(eraOf(2018)).toBe('late 2010s');
    expect(describeCriterion({ key: 'G minor', tempo: '124-128', era: 'early 2010s' })).toBe('G minor tracks at 124-128 BPM from the early 2010s');
  });
});

describe('suggestCriteria', () => {
  it('ranks what you play far more than you own, with evidence', () => {
    const gm = { key: 'G minor', tempo: '124-128', era: 'early 2010s' };
    const other = { key: 'C major', tempo: '96-100', era: 'late 1990s' };
    const library: FacetTrack[] = [
      ...Array.from({ length: 4 }, (_, i) => ({ trackId: `g${i}`, facets: gm })),
      ...Array.from({ length: 40 }, (_, i) => ({ trackId: `o${i}`, facets: other })),
    ];
    const listens: FacetListen[] = Array.from({ length: 60 }, (_, i) => ({ atMs: i * DAY, facets: i % 3 === 0 ? other : gm }));
    const [first] = suggestCriteria(listens, library, { maxFacets: 3 });
    expect(first!.criterion).toEqual(gm);
    expect(first!.owned).toBe(4);
    expect(first!.text).toMatch(/^Try G minor tracks at 124-128 BPM from the early 2010s: you play these \d+\.\dx more than your library average and own only 4$/);
  });
});

describe('evaluateRecommender', () => {
  it('beats popularity when taste drifts, and says what it scored', () => {
    // Old favourite A dominates history; lately B and C are played on the same days, then C alone.
    const listens: FacetListen[] = [];
    for (let d = 0; d < 100; d++) listens.push({ atMs: d * DAY, facets: { key: 'A minor', tempo: '120-124' } });
    for (let d = 100; d < 130; d++) for (let j = 0; j < 3; j++) listens.push({ atMs: d * DAY + j, facets: { key: ['A minor', 'B minor', 'C major'][j]!, tempo: '120-124' } });
    for (let d = 130; d < 190; d++) listens.push({ atMs: d * DAY, facets: { key: 'C major', tempo: '120-124' } });
    const e = evaluateRecommender(listens, ['key', 'tempo'], { k: 1 });
    expect(e.scored).toBe(e.test);
    expect(e.model.hitRate).toBeGreaterThan(e.popularity.hitRate);
  });
});

describe('timbre', () => {
  it('clusters two clearly separate timbres apart and finds neighbours', () => {
    const a = Array.from({ length: 10 }, (_, i) => [1 + i * 0.01, 2, 3]);
    const b = Array.from({ length: 10 }, (_, i) => [9 + i * 0.01, -2, 0]);
    const c = timbreClusters([...a, ...b], 2);
    expect(new Set(c.slice(0, 10)).size).toBe(1);
    expect(c[0]).not.toBe(c[10]);
    const tracks = [...a, ...b].map((mfcc, i) => ({ trackId: `t${i}`, artist: null, title: null, bpm: 120, key: 'A minor', mfcc }));
    expect(moreLikeThis('t0', tracks, 3).every((n) => Number(n.trackId.slice(1)) < 10)).toBe(true);
  });
});
