// Extended M3U8 and CSV output, golden text.
import { describe, expect, it } from 'vitest';
import { absolutePath, playlistFileName, relativeToLibrary, toCsv, toM3u } from '../../src/domain/m3u';

const entries = [
  { path: 'library/Orchestra/Hungarian Dance.ogg', artist: 'Brahms', title: 'Hungarian Dance No. 5', durationS: 29.6 },
  { path: 'library/Ünïcødé ♫/ساز.mp3', artist: null, title: 'ساز\nline', durationS: null },
];

describe('toM3u', () => {
  it('writes #EXTM3U, #EXTINF:<seconds>,<artist> - <title> and paths relative to the library folder', () => {
    expect(toM3u(entries)).toBe(
      '#EXTM3U\n#EXTINF:30,Brahms - Hungarian Dance No. 5\nOrchestra/Hungarian Dance.ogg\n#EXTINF:-1,ساز line\nÜnïcødé ♫/ساز.mp3\n',
    );
  });
  it('writes absolute paths from a typed root in its own separator style', () => {
    expect(toM3u(entries.slice(0, 1), { absoluteRoot: '/home/me/Music/' }).split('\n')[2]).toBe('/home/me/Music/Orchestra/Hungarian Dance.ogg');
    expect(absolutePath('D:\\Music', 'Orchestra/a.ogg')).toBe('D:\\Music\\Orchestra\\a.ogg');
    expect(relativeToLibrary('solo.mp3')).toBe('solo.mp3');
  });
  it('quotes CSV fields and names files safely', () => {
    expect(toCsv(['a', 'b'], [['x, y', 'say "hi"'], [null, 3]])).toBe('a,b\r\n"x, y","say ""hi"""\r\n,3\r\n');
    expect(playlistFileName('Mix: 2024/05?', 'm3u8')).toBe('Mix 2024 05.m3u8');
  });
});
