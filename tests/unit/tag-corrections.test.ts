// Issue 16: what a tag correction may hold, checked before anything is written.
import { describe, expect, it } from 'vitest';
import { checkEdits, checkValue, describeEdit } from '../../src/domain/tag-corrections';

describe('checking tag corrections', () => {
  it('trims text, and an empty value clears the field', () => {
    expect(checkValue('title', '  Blue Monday \t')).toEqual({ value: 'Blue Monday' });
    expect(checkValue('artist', '   ')).toEqual({ value: null });
    expect(checkValue('genre', '')).toEqual({ value: null });
  });

  it('allows 500 characters, counted as characters, not UTF-16 units', () => {
    expect(checkValue('album', 'a'.repeat(500))).toEqual({ value: 'a'.repeat(500) });
    expect(checkValue('album', '♫'.repeat(500))).toEqual({ value: '♫'.repeat(500) });
    expect(checkValue('album', '𝄞'.repeat(500))).toEqual({ value: '𝄞'.repeat(500) }); // two UTF-16 units each
    expect(checkValue('album', 'a'.repeat(501))).toEqual({ error: 'Album can be at most 500 characters (this one has 501).' });
  });

  it('takes a year as a whole number from 1000 to 2999, or empty', () => {
    expect(checkValue('year', '1999')).toEqual({ value: '1999' });
    expect(checkValue('year', 2024)).toEqual({ value: '2024' });
    expect(checkValue('year', ' 1000 ')).toEqual({ value: '1000' });
    expect(checkValue('year', '')).toEqual({ value: null });
    for (const bad of ['999', '3000', '19.5', '1999-05-01', 'soon', '0x7D0', '1e3', 1999.5]) {
      expect(checkValue('year', bad)).toMatchObject({ error: expect.stringMatching(/^Year must be a whole number from 1000 to 2999/) });
    }
  });

  it('refuses the whole change when one field is wrong, and keeps reverts apart from clears', () => {
    expect(checkEdits({ title: { set: 'Ok' }, year: { set: '12' } })).toEqual({ ok: false, errors: { year: expect.any(String) } });
    expect(checkEdits({ title: 'revert', genre: { set: '' }, year: { set: 1984 } })).toEqual({
      ok: true, edits: [{ field: 'title', revert: true }, { field: 'genre', value: null }, { field: 'year', value: '1984' }],
    });
    expect(checkEdits({})).toEqual({ ok: true, edits: [] });
    expect(() => checkEdits({ bpm: { set: '120' } } as never)).toThrow(/Not a correctable field: bpm/);
  });

  it('words each edit for the audit line', () => {
    expect(describeEdit({ field: 'title', value: 'Blue' })).toBe('title to "Blue"');
    expect(describeEdit({ field: 'genre', value: null })).toBe('genre cleared');
    expect(describeEdit({ field: 'year', revert: true })).toBe('year back to the tag');
    expect(describeEdit({ field: 'album', value: 'x'.repeat(80) })).toBe(`album to "${'x'.repeat(60)}…"`);
  });
});
