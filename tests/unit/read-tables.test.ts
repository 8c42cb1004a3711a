// A live read re-runs only when a table it names changes, so a table its SQL reads but it does not
// name would leave the page stale. Each read of app/reads is checked against the .sql files it runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { touches } from '../../src/app/live/changes';
import { tablesOf, type Read } from '../../src/app/live/read';
import { dash, DASH_QUERY_TABLES, type DashQuery } from '../../src/app/reads/dashboards';
import { listenedElsewhere } from '../../src/app/reads/history';
import { demoFiles, libraryTracks, skippedFiles, skippedSummary, trackFactsCsvRows } from '../../src/app/reads/library';
import { runLogs, runs } from '../../src/app/reads/pipeline';
import { moreLikeThis, pool, recap, recommendations, savedPlaylists, savedPlaylistTracks, smartPlaylistTracks } from '../../src/app/reads/playlists';
import { trackLineage } from '../../src/app/reads/track';

const SQL = resolve(__dirname, '../../src/lakehouse/sql');
const text = (path: string) => readFileSync(join(SQL, path), 'utf8');

/** The lakehouse tables a query names, comments left out. */
function tablesIn(sql: string): string[] {
  const code = sql.replace(/--.*$/gm, '');
  return [...new Set([...code.matchAll(/\b(?:raw|bronze|silver|gold|meta|snap)\.[a-z_]+\b/g)].map((m) => m[0]))].sort();
}

const unnamed = (named: readonly string[], sql: string) => tablesIn(sql).filter((t) => !named.some((r) => touches(r, t)));

const READS: [string, Read<never, unknown>, string[]][] = [
  ['libraryTracks', libraryTracks, ['queries/library_tracks.sql']],
  ['trackFactsCsvRows', trackFactsCsvRows, ['queries/track_facts_export.sql']],
  ['skippedSummary', skippedSummary, ['queries/skipped_summary.sql']],
  ['skippedFiles', skippedFiles, ['queries/skipped_files.sql']],
  ['demoFiles', demoFiles, ['demo/demo_files.sql']],
  ['listenedElsewhere', listenedElsewhere, ['queries/listened_elsewhere.sql']],
  ['trackLineage', trackLineage, readdirSync(join(SQL, 'queries/track_lineage')).map((f) => `queries/track_lineage/${f}`)],
  ['pool', pool, ['intelligence/playlist_pool.sql']],
  ['smartPlaylistTracks', smartPlaylistTracks, ['intelligence/playlist_pool.sql']],
  ['savedPlaylists', savedPlaylists, ['intelligence/saved_playlists.sql']],
  ['savedPlaylistTracks', savedPlaylistTracks, ['intelligence/saved_playlist_tracks.sql']],
  ['recap', recap, ['intelligence/recap_listens.sql']],
  ['recommendations', recommendations, ['intelligence/recommend_library.sql', 'intelligence/recommend_listens.sql']],
  ['moreLikeThis', moreLikeThis, ['intelligence/recommend_library.sql']],
  ['runs', runs, ['queries/runs_recent.sql']],
  ['runLogs', runLogs, ['queries/run_logs.sql']],
];

describe('live reads name every table their SQL reads', () => {
  it.each(READS)('%s', (_, read, files) => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(unnamed(tablesOf(read, undefined as never), text(file)), file).toEqual([]);
  });

  it('each dashboard query, and no query without its tables', () => {
    const files = readdirSync(join(SQL, 'queries/dashboards')).filter((f) => f.endsWith('.sql'));
    expect(Object.keys(DASH_QUERY_TABLES).sort()).toEqual(files.map((f) => f.replace(/\.sql$/, '')).sort());
    for (const file of files) {
      const name = file.replace(/\.sql$/, '') as DashQuery;
      const named = tablesOf(dash, { name, filters: { from: null, to: null, genre: null, source: null }, extra: [] });
      expect(unnamed(named, text(`queries/dashboards/${file}`)), file).toEqual([]);
      expect(named.every((t) => t.startsWith('gold.')), file).toBe(true); // the dashboards read gold only
    }
  });

  it('finds the tables of a query, not its aliases or comments', () => {
    expect(tablesIn('-- reads meta.runs\nSELECT g.path FROM gold.track_facts g JOIN raw.files f ON f.path = g.path')).toEqual(['gold.track_facts', 'raw.files']);
  });
});
