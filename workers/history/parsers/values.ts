// Small value readers shared by the parsers: timestamps in the formats the exports use, file URLs,
// and the placeholder-date rule. Pure; no I/O.

/** Audioscrobbler began in 2002: an earlier play time is a placeholder (Last.fm writes 1970 for unknown). */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(2002, 0, 1);
/** A day of slack for clock skew; anything later than that is a placeholder too. */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

export function isSuspectTime(ms: number, nowMs = Date.now()): boolean {
  return !Number.isFinite(ms) || ms < EARLIEST_PLAUSIBLE_MS || ms > nowMs + FUTURE_SLACK_MS;
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * Parse the date texts the exports write, all read as UTC: ISO 8601 ('2023-09-25T12:26:38Z'),
 * Spotify account data ('2020-01-16 03:13'), Last.fm exporters ('11 Jul 2024, 09:07'), unix
 * seconds or milliseconds. Returns null when the text is not a date.
 */
export function parseUtc(text: string | null | undefined): number | null {
  if (text == null) return null;
  const t = text.trim();
  if (t === '') return null;
  if (/^\d{1,13}$/.test(t)) {
    const n = Number(t);
    return n >= 1e12 ? n : n * 1000;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (m) {
    const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0);
    const tz = m[8];
    if (!tz || tz === 'Z') return ms;
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month === undefined) return null;
    return Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  }
  return null;
}

/**
 * A file URL as iTunes and rekordbox write it, to a '/'-separated path: 'file://localhost/C:/x%20y.mp3'
 * gives 'C:/x y.mp3', 'file:///Users/a.mp3' gives '/Users/a.mp3'. A stream or cloud item (http URL)
 * has no path in the library: null.
 */
export function fileUrlToPath(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^file:\/\/(?:localhost)?(\/.*)$/i.exec(url);
  if (!m) return null;
  let path: string;
  try {
    path = decodeURIComponent(m[1]!);
  } catch {
    // A stray '%' (hand-edited XML) must not lose the whole row; keep the raw text.
    path = m[1]!;
  }
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

export function toNumber(text: string | null | undefined): number | null {
  if (text == null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

export function nonEmpty(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  return t === '' ? null : t;
}
