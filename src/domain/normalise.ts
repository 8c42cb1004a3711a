// Artist and title text reduced to what identifies a recording, for matching listens from services
// to library tracks: Unicode folded, case folded, punctuation and version decorations removed
// ("(Remastered 2011)", "- Radio Edit", "(feat. X)", "[Explicit]", "(Live)"). Pure.

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** NFKD, diacritics stripped, lower-cased, letters NFKD leaves whole (ß, ø, ł...) spelled out. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c);
}

/** Lower-case punctuation-free words: '&' and '+' read as 'and', apostrophes join ("don't" = "dont"). */
export function words(folded: string): string {
  return folded
    .replace(/['’‘`´]/g, '')
    .replace(/\s*[&+]\s*/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FEAT = String.raw`(?:feat\.?|ft\.?|featuring|with)`;

/** A bracket or dash part that names a release variant of the same recording, not a different one. */
const DECORATION = new RegExp(
  [
    String.raw`^${FEAT}\s`,
    String.raw`\bremaster(?:ed)?\b`,
    String.raw`^(?:radio|single|album|original|lp|clean|dirty|explicit|uncensored|censored|mono|stereo)(?: (?:edit|version|mix))?$`,
    String.raw`^(?:live|en vivo|ao vivo|en directo)\b`,
    String.raw`^(?:\d{4} )?(?:deluxe|bonus track|bonus|anniversary)(?: edition| version)?$`,
  ].join('|'),
);

export function isDecoration(part: string): boolean {
  return DECORATION.test(part.trim());
}

/** Title with decorations removed, as words. '(Live)', ' - 2011 Remaster', '[Explicit]'... all go. */
export function normaliseTitle(title: string | null | undefined): string {
  if (!title) return '';
  let t = fold(title);
  // Bracketed parts: '(feat. X)', '[Explicit]', '(Remastered 2011)'.
  t = t.replace(/\s*[([{]([^)\]}]*)[)\]}]/g, (whole, inner: string) => (isDecoration(inner) ? ' ' : whole));
  // Dash parts: 'Song - 2011 Remaster', 'Song - Radio Edit', 'Song - Live at Wembley'.
  const parts = t.split(/\s+[-–—]\s+/);
  t = [parts[0]!, ...parts.slice(1).filter((p) => !isDecoration(p))].join(' - ');
  // A bare trailing 'feat. X' with no brackets.
  t = t.replace(new RegExp(String.raw`\s+(?:feat\.?|ft\.?|featuring)\s.*$`), '');
  const w = words(t);
  // A title made only of decoration ("Intro (Live)" keeps "intro"; "(Live)" alone keeps itself).
  return w === '' ? words(fold(title)) : w;
}

const ARTIST_SPLIT = new RegExp(String.raw`\s*(?:,|;|/|&|\+|\band\b|(?<=\s)x(?=\s)|\bvs\.?|\b${FEAT}(?=\s))\s*`);

/** The whole credited artist, without featured guests or a leading 'The'. */
export function normaliseArtist(artist: string | null | undefined): string {
  if (!artist) return '';
  const t = fold(artist).replace(new RegExp(String.raw`\s*[([]?\s*\b(?:feat\.?|ft\.?|featuring)\s.*$`), '');
  return words(t).replace(/^the /, '');
}

/** Each credited name on its own ('Chris Stussy, Toman' gives both), each as normalised words. */
export function artistNames(artist: string | null | undefined): string[] {
  if (!artist) return [];
  return fold(artist)
    .split(ARTIST_SPLIT)
    .map((n) => words(n).replace(/^the /, ''))
    .filter((n) => n !== '');
}
