// Entity resolution on a hand-labelled sample: precision and recall printed and held >= 0.9.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bestMatch, matchConfidence, matchKey, MATCH_THRESHOLD, type MatchSide } from '../../src/domain/match';
import { normaliseArtist, normaliseTitle } from '../../src/domain/normalise';

interface Pair { listen: MatchSide; track: MatchSide; same: boolean; note: string }
const { pairs } = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/history/match-labelled.json'), 'utf8')) as { pairs: Pair[] };

describe('normalisation', () => {
  it.each([
    ['Here Comes The Sun - Remastered 2009', 'here comes the sun'],
    ['Heroes - 2017 Remaster', 'heroes'],
    ['Young Lust (2011 Remastered Version)', 'young lust'],
    ['Summer - Radio Edit', 'summer'],
    ['Lithium (Live)', 'lithium'],
    ['HUMBLE. [Explicit]', 'humble'],
    ['Scumbag (feat. blink-182)', 'scumbag'],
    ['Get Lucky (feat. Pharrell Williams & Nile Rodgers) - Radio Edit', 'get lucky'],
    ['Song ft. Someone', 'song'],
    ['Scumbag (feat. blink-182) - Absofacto Remix', 'scumbag absofacto remix'],
    ['Hoppípolla', 'hoppipolla'],
    ["Sweet Child O’ Mine", 'sweet child o mine'],
    ['Rock & Roll', 'rock and roll'],
    ['(Live)', 'live'],
  ])('title %j -> %j', (raw, want) => expect(normaliseTitle(raw)).toBe(want));

  it.each([
    ['The Beatles', 'beatles'],
    ['Beyoncé', 'beyonce'],
    ['Simon & Garfunkel', 'simon and garfunkel'],
    ['Goody Grace feat. blink-182', 'goody grace'],
    ['Go‐Go’s', 'go gos'],
    ['Straße', 'strasse'],
  ])('artist %j -> %j', (raw, want) => expect(normaliseArtist(raw)).toBe(want));

  it('matchKey is equal across spellings of one recording', () => {
    expect(matchKey('The Beatles', 'Here Comes The Sun - Remastered 2009')).toBe(matchKey('Beatles', 'Here Comes the Sun'));
    expect(matchKey('Chris Stussy, Toman', 'Serendipity ')).toBe(matchKey('Chris Stussy', 'Serendipity'));
    expect(matchKey('Queen', 'One Vision')).not.toBe(matchKey('Queen', 'One Vision - Extended Version'));
  });
});

describe('matchConfidence on the hand-labelled sample', () => {
  it(`has precision and recall >= 0.9 at threshold ${MATCH_THRESHOLD}`, () => {
    let tp = 0, fp = 0, fn = 0;
    const misses: string[] = [];
    for (const p of pairs) {
      const c = matchConfidence(p.listen, p.track);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      const said = c >= MATCH_THRESHOLD;
      if (said && p.same) tp++;
      else if (said && !p.same) { fp++; misses.push(`false match ${c}: ${p.note}`); }
      else if (!said && p.same) { fn++; misses.push(`missed ${c}: ${p.note}`); }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`matching: ${pairs.length} pairs, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}${misses.length ? `; ${misses.join('; ')}` : ''}`);
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('is symmetric enough that the order of sides does not flip a decision', () => {
    for (const p of pairs) {
      const a = matchConfidence(p.listen, p.track) >= MATCH_THRESHOLD;
      const b = matchConfidence(p.track, p.listen) >= MATCH_THRESHOLD;
      expect(b, p.note).toBe(a);
    }
  });

  it('uses album and duration to break ties between versions', () => {
    const listen = { artist: 'Calvin Harris', title: 'Summer', album: 'Motion', durationS: 223 };
    const single = { artist: 'Calvin Harris', title: 'Summer', album: 'Summer (Single)', durationS: 340 };
    const albumCut = { artist: 'Calvin Harris', title: 'Summer', album: 'Motion', durationS: 222 };
    expect(bestMatch(listen, [single, albumCut])?.candidate).toBe(albumCut);
    expect(bestMatch({ artist: 'Nobody', title: 'Nothing' }, [single, albumCut])).toBeNull();
  });

  it('gives a listen without artist only a weak score', () => {
    expect(matchConfidence({ artist: null, title: 'Halo' }, { artist: 'Beyoncé', title: 'Halo' })).toBeLessThan(MATCH_THRESHOLD);
  });
});
