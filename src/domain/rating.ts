// Ratings from every place a player keeps them, on one 0..5 scale (fractional allowed). Pure.
// Unrated is null, never 0 stars: a 0 in most schemes means "no rating given".

export type RatingScale =
  | 'popm' // ID3v2 POPM byte 0-255, Windows Media Player steps 1,64,128,196,255
  | 'fmps' // FMPS_RATING 0.0..1.0 (Vorbis/FLAC, Amarok, Quod Libet)
  | 'vorbis' // RATING: 0-100 (MusicBee, Picard) or 0-5 (foobar2000), told apart by size
  | 'mp4' // iTunes MP4 'rate' atom 0-100
  | 'itunes' // iTunes/Apple Music library XML 'Rating' 0-100 in steps of 20
  | 'rekordbox'; // rekordbox XML 'Rating' 0,51,102,153,204,255

const round2 = (x: number): number => Math.round(x * 100) / 100;
const clampStars = (x: number): number => Math.min(5, Math.max(0, x));

/** POPM byte to stars using the ranges WMP, foobar2000 and MediaMonkey agree on around WMP's steps. */
function popmStars(byte: number): number | null {
  if (byte <= 0) return null;
  if (byte < 32) return 1;
  if (byte < 96) return 2;
  if (byte < 160) return 3;
  if (byte < 224) return 4;
  return 5;
}

/**
 * Normalise a raw rating value to 0..5 stars, or null when unrated or unreadable.
 * Accepts numbers or the text a tag holds ('0.8', '60').
 */
export function normaliseRating(raw: number | string | null | undefined, scale: RatingScale): number | null {
  if (raw == null) return null;
  const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
  if (!Number.isFinite(value) || value < 0) return null;
  switch (scale) {
    case 'popm':
      return value > 255 ? null : popmStars(Math.round(value));
    case 'fmps':
      if (value > 1) return null;
      return value === 0 ? null : round2(value * 5);
    case 'vorbis':
      // Ambiguous by nature: 0-5 writers never exceed 5, 0-100 writers use steps of 20 above that.
      if (value === 0) return null;
      if (value <= 5) return round2(value);
      return value > 100 ? null : round2(value / 20);
    case 'mp4':
    case 'itunes':
      if (value === 0 || value > 100) return null;
      return round2(value / 20);
    case 'rekordbox':
      if (value === 0 || value > 255) return null;
      return clampStars(Math.round(value / 51));
  }
}
