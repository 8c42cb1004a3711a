// What the library page and the run's toast say about the files a scan left out: formats Wolfie
// cannot read first, by format, then the hidden and non-audio files, which are expected.
import { countOf, formatCount } from './format-number';
import { UNSUPPORTED_PREFIX, type SkipKind } from './formats';

export interface SkippedGroup {
  kind: SkipKind;
  /** The format's name for unsupported formats, else null. */
  format: string | null;
  files: number;
}

export interface SkippedSummary {
  /** "3 files skipped: format not supported: TrueAudio (2), TAK (1)", or null when none. */
  unsupported: string | null;
  /** "Also left out: 4 files that are not audio and 1 hidden file.", or null when none. */
  others: string | null;
  total: number;
}

/** Formats by how many files each has (most first), then by name. */
export function unsupportedFormats(groups: readonly SkippedGroup[]): { format: string; files: number }[] {
  const byFormat = new Map<string, number>();
  for (const g of groups) if (g.kind === 'unsupported-format' && g.format) byFormat.set(g.format, (byFormat.get(g.format) ?? 0) + g.files);
  return [...byFormat].map(([format, files]) => ({ format, files })).sort((a, b) => b.files - a.files || a.format.localeCompare(b.format));
}

const filesOf = (groups: readonly SkippedGroup[], kind: SkipKind) => groups.filter((g) => g.kind === kind).reduce((n, g) => n + g.files, 0);

export function summariseSkipped(groups: readonly SkippedGroup[]): SkippedSummary {
  const formats = unsupportedFormats(groups);
  const unsupported = formats.reduce((n, f) => n + f.files, 0);
  const notAudio = filesOf(groups, 'not-audio');
  const hidden = filesOf(groups, 'hidden');
  const others = [
    notAudio ? `${countOf(notAudio, 'file')} that ${notAudio === 1 ? 'is' : 'are'} not audio` : '',
    hidden ? countOf(hidden, 'hidden file or folder', 'hidden files or folders') : '',
  ].filter(Boolean);
  return {
    unsupported: unsupported
      ? `${countOf(unsupported, 'file')} skipped: ${UNSUPPORTED_PREFIX}${formats.map((f) => `${f.format} (${formatCount(f.files)})`).join(', ')}`
      : null,
    others: others.length ? `${unsupported ? 'Also left out' : 'Left out'}: ${others.join(' and ')}.` : null,
    total: unsupported + notAudio + hidden,
  };
}

/** For the run's toast: "3 in formats Wolfie cannot read (TrueAudio 2, TAK 1)". */
export function unsupportedPhrase(formats: readonly { format: string; files: number }[]): string | null {
  const n = formats.reduce((sum, f) => sum + f.files, 0);
  if (!n) return null;
  return `${formatCount(n)} in formats Wolfie cannot read (${formats.map((f) => `${f.format} ${formatCount(f.files)}`).join(', ')})`;
}
