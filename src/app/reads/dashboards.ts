// Live reads of the dashboards: the page state (which gold tables exist, the period, genres and
// sources) and one read per query of sql/queries/dashboards/*.sql, each naming the gold tables its
// SQL reads, so a tab re-runs only the queries whose tables a run or a command changed.
import { dashQuery, dashState as dashStateQuery, type DashFilters, type DashQuery } from '../../lakehouse/queries/dashboards';
import type { Row } from '../../lakehouse/engine/sql-client';
import type { TableName } from '../live/changes';
import { defineRead, type Read } from '../live/read';

export { inlinedSql } from '../../lakehouse/queries/dashboards';
export type { DashFilters, DashQuery, DashState, Grain } from '../../lakehouse/queries/dashboards';

/** The tables each dashboard query reads (tests/unit/read-tables.test.ts checks them against the SQL). */
export const DASH_QUERY_TABLES: Record<DashQuery, readonly TableName[]> = {
  overview_totals: ['gold.dash_listens_daily', 'gold.dash_track_dims'],
  overview_top: ['gold.dash_overview_top', 'gold.daily_track_listens', 'gold.listened_tracks'],
  overview_new: ['gold.dash_track_dims'],
  trends_series: ['gold.dash_listens_daily'],
  trends_dims: ['gold.dash_listens_monthly_dims', 'gold.daily_track_listens', 'gold.listened_tracks'],
  trends_heatmap: ['gold.dash_listens_heatmap'],
  trends_streaks: ['gold.dash_listens_daily'],
  trends_movers: ['gold.daily_track_listens', 'gold.listened_tracks'],
  library_rarely_played: ['gold.dash_track_usage'],
  library_unplayed_favourites: ['gold.dash_track_usage'],
  library_overplayed: ['gold.dash_track_dims'],
  library_duplicates: ['gold.dash_track_usage', 'gold.duplicate_files'],
  library_missing_tags: ['gold.dash_missing_tags', 'gold.dash_track_dims'],
  dist_dims: ['gold.dash_track_dims'],
  dist_cross: ['gold.dash_track_dims'],
  dist_tracks: ['gold.dash_track_dims'],
  insight_bpm_plays: ['gold.dash_track_dims'],
  insight_genre_keys: ['gold.dash_track_dims'],
  insight_genre_skips: ['gold.dash_listens_daily'],
};

/**
 * Whether the dashboards' gold tables exist, and the tracks, listens, period, genres and sources
 * the filter bar offers. A run that builds a missing table announces `gold.*`, which touches these.
 */
export const dashState = defineRead(['gold.track_facts', 'gold.dash_track_dims', 'gold.dash_listens_daily'], (sql) => dashStateQuery(sql));

export interface DashArgs {
  name: DashQuery;
  filters: DashFilters;
  /** The query's own parameters after the filters (a grain, a dimension and value...). */
  extra: unknown[];
}

/** One dashboard query with the page's filters bound. */
export const dash: Read<DashArgs, Row[]> = defineRead(
  (args: DashArgs) => DASH_QUERY_TABLES[args.name],
  (sql, { name, filters, extra }: DashArgs) => dashQuery(sql, name, filters, extra),
);
