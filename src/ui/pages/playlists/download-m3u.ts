// The one way a playlist leaves as an M3U8 file (the generator's list and a saved playlist alike):
// extended M3U from domain/m3u.ts, named after the playlist, through the browser's download.
import { playlistFileName, toM3u, type M3uEntry } from '../../../domain/m3u';
import { downloadBlob } from '../../../platform/download';

/** `absoluteRoot` blank or omitted: paths relative to the library folder. */
export function downloadM3u(name: string, entries: readonly M3uEntry[], absoluteRoot = ''): void {
  const text = toM3u(entries, { absoluteRoot: absoluteRoot.trim() || undefined });
  downloadBlob(new Blob([text], { type: 'audio/x-mpegurl;charset=utf-8' }), playlistFileName(name, 'm3u8'));
}
