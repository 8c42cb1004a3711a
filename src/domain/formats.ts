// Which files are music: the extensions of every container music-metadata reads.
export const AUDIO_EXTENSIONS = new Set([
  'mp3', 'mp2', 'mp1', 'flac', 'ogg', 'oga', 'opus', 'spx', 'm4a', 'm4b', 'mp4', 'aac', 'alac', 'wav', 'wave', 'aif', 'aiff', 'aifc',
  'wma', 'asf', 'wv', 'ape', 'mpc', 'dsf', 'dff', 'webm', 'mka', 'mkv', 'caf',
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type SkipReason = 'hidden' | 'not-audio';

/** Why a file found while scanning is not read, or null when it is music. */
export function skipReason(path: string): SkipReason | null {
  const segments = path.split('/');
  // The first segment is the chosen folder itself; a hidden name below it hides the file.
  if (segments.slice(1).some((s) => s.startsWith('.'))) return 'hidden';
  return AUDIO_EXTENSIONS.has(extensionOf(segments.at(-1) ?? '')) ? null : 'not-audio';
}
