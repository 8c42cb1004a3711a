// The separators that split one artist credit into co-artists ('A; B', 'A / B', 'A, B', 'A & B'),
// as a person sets them, and the one regular expression the silver artist bridge splits with.

export const DEFAULT_ARTIST_SEPARATORS: readonly string[] = [';', '/', ',', ' & '];

/** One separator per line, as meta.settings keeps them; blank lines are no separator. */
export function parseSeparators(text: string): string[] {
  return [...new Set(text.split('\n').filter((s) => s.trim() !== ''))];
}

/**
 * An RE2 pattern matching any of `separators` between two names. A space in a separator stands
 * for any whitespace (' & ' needs whitespace around it, so 'R&B' stays whole); a separator without
 * spaces may have whitespace around it ('A;B', 'A ; B'). No separators: a pattern that never matches.
 */
export function artistSplitPattern(separators: readonly string[]): string {
  const parts = separators.map((sep) => {
    const escaped = sep.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const before = /^\s/.test(sep) ? '\\s+' : '\\s*';
    const after = /\s$/.test(sep) ? '\\s+' : '\\s*';
    return `${before}${escaped}${after}`;
  });
  return parts.length ? parts.join('|') : '[^\\s\\S]';
}
