// Recommendations from the lakehouse: the library and the listens in attribute space (facets), the
// timbre clusters (k-means over raw.analysis mfcc_mean), ranked search criteria with evidence,
// "more like this", and the held-out evaluation shown beside them.
import { facetsOf, suggestCriteria, type FacetListen, type FacetTrack, type Suggestion } from '../../domain/recommend';
import { evaluateRecommender, type Evaluation } from '../../domain/recommend-eval';
import { moreLikeThis, timbreClusters, type Neighbour } from '../../domain/recommend-similar';
import libSql from '../sql/intelligence/recommend_library.sql?raw';
import listensSql from '../sql/intelligence/recommend_listens.sql?raw';
import type { SqlClient } from '../engine/sql-client';

type LibRow = {
  track_id: string; artist: string | null; title: string | null; key: string | null; bpm: number | null; year: number | null;
  genre: string | null; label: string | null; energy: number | null; mfcc_mean: number[] | null;
};

export interface RecommendationReport {
  suggestions: Suggestion[];
  evaluation: Evaluation;
  /** Listens that matched a library track (only those have attributes). */
  matchedListens: number;
  listens: number;
  timbreGroups: number;
}

export async function loadFacets(sql: SqlClient): Promise<{ library: FacetTrack[]; listens: FacetListen[]; rows: LibRow[]; total: number; groups: number }> {
  const rows = await sql.query<LibRow>(libSql, []);
  const clusters = timbreClusters(rows.map((r) => r.mfcc_mean));
  const library = rows.map((r, i) => ({ trackId: r.track_id, facets: facetsOf({ ...r, timbre: clusters[i] ?? null }) }));
  const byId = new Map(library.map((t) => [t.trackId, t.facets]));
  const heard = await sql.query<{ track_id: string | null; artist: string | null; played_at_ms: number }>(listensSql, []);
  const listens: FacetListen[] = [];
  for (const l of heard) {
    const f = l.track_id ? byId.get(l.track_id) : undefined;
    if (f) listens.push({ atMs: l.played_at_ms, facets: f });
  }
  const groups = new Set(clusters.filter((c) => c !== null)).size;
  return { library, listens, rows, total: heard.length, groups };
}

export async function recommendations(sql: SqlClient): Promise<RecommendationReport> {
  const { library, listens, total, groups } = await loadFacets(sql);
  return {
    suggestions: suggestCriteria(listens, library, { maxFacets: 3, limit: 10 }),
    evaluation: evaluateRecommender(listens, ['key', 'tempo']),
    matchedListens: listens.length, listens: total, timbreGroups: groups,
  };
}

export async function similarTracks(sql: SqlClient, trackId: string, n = 10): Promise<Neighbour[]> {
  const rows = await sql.query<LibRow>(libSql, []);
  return moreLikeThis(trackId, rows.map((r) => ({ trackId: r.track_id, artist: r.artist, title: r.title, bpm: r.bpm, key: r.key, mfcc: r.mfcc_mean })), n);
}
