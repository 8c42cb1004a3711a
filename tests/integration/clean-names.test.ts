// Issue 16, "clean names in silver, with provenance": labels only from label tags (never a
// copyright line, a licence or a web address), and files without tags named from their folder
// and file name, each derived field listed.
import { describe, expect, it } from 'vitest';
import { migratedClient } from '../support/node-db';
import { saveArtistSeparators } from '../../src/lakehouse/models/artist-separators';
import { buildRun, ingestRun, record } from './pipeline-fixtures';

const untagged = (path: string) => record(path, { title: null, artist: null, artists: null, album: null, track_no: null, genre: null, label: null, year: null, date_text: null });

describe('clean names', () => {
  it('takes labels from label tags only, never a copyright or licence line', async () => {
    const sql = await migratedClient();
    const run = await ingestRun(sql, 'Music', [
      record('Music/warp.mp3', { label: 'Warp Records', common_json: '{"copyright":"(P) 2001 Warp Records Ltd"}' }),
      record('Music/cc.mp3', { label: 'Creative Commons Attribution: http://creativecommons.org/licenses/by/3.0/' }),
      record('Music/c-line.mp3', { label: 'Aleksi Aubry-Carlson (C)2004' }),
      record('Music/url.mp3', { label: 'www.example-netlabel.org' }),
      record('Music/only-copyright.mp3', { label: null, common_json: '{"copyright":"℗ 2004 Some Label"}' }),
    ]);
    expect(run.state).toBe('succeeded');
    const rows = await sql.query<{ path: string; label: string | null; label_source: string | null }>('SELECT path, label, label_source FROM gold.track_facts ORDER BY path');
    expect(rows).toEqual([
      { path: 'Music/c-line.mp3', label: null, label_source: null },
      { path: 'Music/cc.mp3', label: null, label_source: null },
      { path: 'Music/only-copyright.mp3', label: null, label_source: null },
      { path: 'Music/url.mp3', label: null, label_source: null },
      { path: 'Music/warp.mp3', label: 'Warp Records', label_source: 'label tag' },
    ]);
    expect(await sql.query('SELECT label FROM silver.labels')).toEqual([{ label: 'Warp Records' }]);
  });

  it('names untagged files from their folder and file name and says which fields were derived', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', [
      untagged('Music/albums_legacy_soundtrack_track4.mp3'),
      untagged('Music/Daft Punk/Discovery/CD 1/03 - Digital Love.flac'),
      untagged('Music/Boards of Canada - Roygbiv.mp3'),
      untagged('Music/Artist X/Album Y/07 Song Z.ogg'),
      untagged('Music/Loose/02. Artist W - Song V.mp3'),
      record('Music/Someone/Some Album/01 Wrong Name.mp3', { title: 'Tagged Title', artist: 'Tagged Artist', album: 'Tagged Album', track_no: 1 }),
    ]);
    const rows = await sql.query('SELECT path, artist, album, title, track_no, derived_fields FROM silver.tracks ORDER BY path');
    expect(rows).toEqual([
      { path: 'Music/Artist X/Album Y/07 Song Z.ogg', artist: 'Artist X', album: 'Album Y', title: 'Song Z', track_no: 7, derived_fields: 'artist, album, title, track_no' },
      { path: 'Music/Boards of Canada - Roygbiv.mp3', artist: 'Boards of Canada', album: null, title: 'Roygbiv', track_no: null, derived_fields: 'artist, title' },
      { path: 'Music/Daft Punk/Discovery/CD 1/03 - Digital Love.flac', artist: 'Daft Punk', album: 'Discovery', title: 'Digital Love', track_no: 3, derived_fields: 'artist, album, title, track_no' },
      { path: 'Music/Loose/02. Artist W - Song V.mp3', artist: 'Artist W', album: 'Loose', title: 'Song V', track_no: 2, derived_fields: 'artist, album, title, track_no' },
      { path: 'Music/Someone/Some Album/01 Wrong Name.mp3', artist: 'Tagged Artist', album: 'Tagged Album', title: 'Tagged Title', track_no: 1, derived_fields: null },
      { path: 'Music/albums_legacy_soundtrack_track4.mp3', artist: null, album: null, title: 'albums legacy soundtrack track4', track_no: null, derived_fields: 'title' },
    ]);
    const [gold] = await sql.query("SELECT title, derived_fields FROM gold.track_facts WHERE path LIKE '%Roygbiv%'");
    expect(gold).toEqual({ title: 'Roygbiv', derived_fields: 'artist, title' });
  });

  it('splits credits on the separators a person set, takes multi-valued tags as written, sorts without "The"', async () => {
    const sql = await migratedClient();
    await ingestRun(sql, 'Music', [
      record('Music/a.mp3', { artist: 'Alpha; Beta, Gamma / Delta & Epsilon feat. Zeta' }),
      record('Music/b.mp3', { artist: 'Earth, Wind & Fire' }),
      record('Music/c.mp3', { artist: 'Moon feat. Sun', artists: 'Moon\nSun' }),
      record('Music/d.mp3', { artist: 'The Beatles', genre: 'Rock; Pop\nrock' }),
      record('Music/e.mp3', { artist: 'ALPHA', genre: 'Hip Hop/Rap' }),
    ]);
    const credits = async () => sql.query<{ path: string; names: string }>(
      `SELECT source_path AS path, string_agg(artist_name || ':' || role, ' | ' ORDER BY credit_order) AS names FROM silver.track_artists GROUP BY ALL ORDER BY path`);
    expect(await credits()).toEqual([
      { path: 'Music/a.mp3', names: 'Alpha:main | Beta:main | Gamma:main | Delta:main | Epsilon:main | Zeta:featured' },
      { path: 'Music/b.mp3', names: 'Earth, Wind & Fire:main' },
      { path: 'Music/c.mp3', names: 'Moon:main | Sun:featured' },
      { path: 'Music/d.mp3', names: 'The Beatles:main' },
      { path: 'Music/e.mp3', names: 'ALPHA:main' },
    ]);
    // Case is one artist: Alpha credited on two tracks under one id.
    expect(await sql.query("SELECT track_count FROM silver.artists WHERE lower(artist) = 'alpha'")).toEqual([{ track_count: 2 }]);
    expect(await sql.query("SELECT artist_sort, genre, genre_values FROM gold.track_facts WHERE path = 'Music/d.mp3'")).toEqual([{ artist_sort: 'Beatles', genre: 'Rock', genre_values: 'Rock, Pop' }]);
    expect(await sql.query("SELECT genre FROM gold.track_facts WHERE path = 'Music/e.mp3'")).toEqual([{ genre: 'Hip-Hop' }]);

    // Only ';' now: the next build re-splits every credit, with no file re-read.
    await saveArtistSeparators(sql, [';']);
    expect((await buildRun(sql)).state).toBe('succeeded');
    expect((await credits())[0]).toEqual({ path: 'Music/a.mp3', names: 'Alpha:main | Beta, Gamma / Delta & Epsilon:main | Zeta:featured' });
  });
});
