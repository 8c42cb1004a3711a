// Row-level lineage of one track for its page: what each shown value was read, measured, counted
// or predicted from (tag format and reader, analyser and version, history imports, runs). The
// facts come from sql/queries/track_lineage/*.sql; src/domain/track-lineage.ts words them.
import { describeFields, tagFormatsOf, type Contribution, type RatingSource, type TagCorrection, type TrackSources } from '../../domain/track-lineage';
import contributionsSql from '../sql/queries/track_lineage/contributions.sql?raw';
import correctionsSql from '../sql/queries/track_lineage/corrections.sql?raw';
import ratingsSql from '../sql/queries/track_lineage/ratings.sql?raw';
import sourcesSql from '../sql/queries/track_lineage/sources.sql?raw';
import { goldExists } from '../queries/queries';
import type { SqlClient } from '../engine/sql-client';

export type { Contribution, RatingSource, TagCorrection, TrackSources } from '../../domain/track-lineage';

export interface TrackLineage {
  sources: TrackSources;
  /** Where each gold.track_facts column shown on the page came from, by column name. */
  fields: Record<string, string | undefined>;
  tagFormats: string[];
  contributions: Contribution[];
  ratings: RatingSource[];
  corrections: TagCorrection[];
}

export async function trackLineage(sql: SqlClient, trackId: string): Promise<TrackLineage | null> {
  if (!(await goldExists(sql))) return null;
  const [sources] = await sql.query<TrackSources & Record<string, unknown>>(sourcesSql, [trackId]);
  if (!sources) return null;
  const contributions = await sql.query<Contribution & Record<string, unknown>>(contributionsSql, [trackId, trackId, trackId]);
  const ratings = await sql.query<RatingSource & Record<string, unknown>>(ratingsSql, [trackId]);
  const corrections = await sql.query<TagCorrection & Record<string, unknown>>(correctionsSql, [trackId]);
  const tagFormats = tagFormatsOf(sources.tag_native_json);
  return { sources, tagFormats, contributions, ratings, corrections, fields: describeFields(sources, tagFormats, contributions, ratings, sources.path, corrections) };
}
