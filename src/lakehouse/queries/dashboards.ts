// Dashboard reads: the .sql files under sql/queries/dashboards, each bound to the page filters by
// name (never spliced), timed with the User Timing API (`dash:<query>` measures) so the
// benchmark reads the same figures the page produced, in the same browser.
import type { Row, SqlClient } from '../engine/sql-client';

const files = import.meta.glob('../sql/queries/dashboards/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const DASHBOARD_SQL: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, sql]) => [/([\w-]+)\.sql$/.exec(path)![1]!, sql]),
);

export type Grain = 'day' | 'week' | 'month';
export const DIMS = ['genre', 'label', 'decade', 'bpm_band', 'key', 'loudness', 'duration'] as const;
export type Dim = (typeof DIMS)[number];

/** The page filters as the URL holds them; null means "all". Dates are YYYY-MM-DD. */
export interface DashFilters {
  from: string | null;
  to: string | null;
  genre: string | null;
  source: string | null;
}

type Param = keyof DashFilters | 'extra1' | 'extra2';

/** Which filter each query's $1, $2, ... receives. */
const PARAMS = {
  overview_totals: ['from', 'to', 'genre', 'source'],
  overview_top: ['from', 'to', 'genre', 'source'],
  overview_new: ['from', 'to', 'genre'],
  trends_series: ['from', 'to', 'genre', 'source', 'extra1'],
  trends_dims: ['from', 'to', 'genre', 'source', 'extra1'],
  trends_heatmap: ['from', 'to', 'genre', 'source'],
  trends_streaks: ['from', 'to', 'genre', 'source'],
  trends_movers: ['from', 'to', 'genre', 'source', 'extra1'],
  library_rarely_played: ['genre'],
  library_unplayed_favourites: ['genre'],
  library_overplayed: ['genre'],
  library_duplicates: ['genre'],
  library_missing_tags: ['genre'],
  dist_dims: ['genre', 'extra1', 'extra2'],
  dist_cross: ['genre', 'extra1', 'extra2'],
  dist_tracks: ['genre', 'extra1', 'extra2'],
  insight_bpm_plays: ['genre'],
  insight_genre_keys: ['genre'],
  insight_genre_skips: ['from', 'to', 'genre', 'source'],
} satisfies Record<string, Param[]>;

export type DashQuery = keyof typeof PARAMS;

export function boundParams(name: DashQuery, f: DashFilters, extra: unknown[] = []): unknown[] {
  const names: Param[] | undefined = PARAMS[name];
  if (!names) throw new Error(`Unknown dashboard query ${name}`); // a name from outside the type (a URL, the SQL explorer)
  return names.map((p) => (p === 'extra1' ? extra[0] ?? null : p === 'extra2' ? extra[1] ?? null : f[p]));
}

/** Runs one dashboard query with its filters bound; records a `dash:<name>` measure. */
export async function dashQuery<T extends Row = Row>(sql: SqlClient, name: DashQuery, f: DashFilters, extra: unknown[] = []): Promise<T[]> {
  const text = DASHBOARD_SQL[name];
  if (!text) throw new Error(`Missing sql/queries/dashboards/${name}.sql`);
  const params = boundParams(name, f, extra);
  const start = performance.now();
  try {
    return await sql.query<T>(text, params);
  } finally {
    performance.measure(`dash:${name}`, { start, end: performance.now(), detail: { params } });
  }
}

/** The dashboard gold tables a page needs; missing ones mean the pipeline has not run since they were added. */
export const DASH_TABLES = ['dash_track_dims', 'dash_track_usage', 'dash_overview_top', 'dash_missing_tags', 'dash_listens_daily', 'dash_listens_monthly_dims', 'dash_listens_heatmap', 'daily_track_listens'];

export interface DashState {
  /** Tracks in gold, 0 when there is no library. */
  tracks: number;
  /** Listens in gold.dash_listens_daily (plays and skips), 0 when no history was imported. */
  listens: number;
  /** The last and first days with listens, for period presets relative to the history. */
  firstDay: string | null;
  lastDay: string | null;
  genres: string[];
  sources: string[];
  /** True when the gold tables of the dashboards are missing (built by the next pipeline run). */
  needsBuild: boolean;
}

export async function dashState(sql: SqlClient): Promise<DashState> {
  const present = await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'gold'`);
  const names = new Set(present.map((r) => r.table_name));
  const empty: DashState = { tracks: 0, listens: 0, firstDay: null, lastDay: null, genres: [], sources: [], needsBuild: false };
  if (!names.has('track_facts')) return empty;
  if (DASH_TABLES.some((t) => !names.has(t))) {
    const [n] = await sql.query<{ n: number }>('SELECT count(*) AS n FROM gold.track_facts');
    return { ...empty, tracks: n?.n ?? 0, needsBuild: true };
  }
  const [row] = await sql.query<{ tracks: number; listens: number; first_day: string | null; last_day: string | null; genres: string[]; sources: string[] }>(
    `SELECT (SELECT count(*) FROM gold.dash_track_dims) AS tracks,
      (SELECT coalesce(sum(listens + skips), 0) FROM gold.dash_listens_daily) AS listens,
      (SELECT strftime(min(day), '%Y-%m-%d') FROM gold.dash_listens_daily) AS first_day,
      (SELECT strftime(max(day), '%Y-%m-%d') FROM gold.dash_listens_daily) AS last_day,
      (SELECT list(genre ORDER BY genre) FROM (SELECT DISTINCT genre FROM gold.dash_track_dims)) AS genres,
      (SELECT list(source ORDER BY source) FROM (SELECT DISTINCT source FROM gold.dash_listens_daily)) AS sources`,
  );
  return {
    tracks: row?.tracks ?? 0, listens: Number(row?.listens ?? 0), firstDay: row?.first_day ?? null, lastDay: row?.last_day ?? null,
    genres: row?.genres ?? [], sources: row?.sources ?? [], needsBuild: false,
  };
}

/** A dashboard query with its values written in as literals, to open in the read-only SQL explorer. */
export function inlinedSql(name: DashQuery, f: DashFilters, extra: unknown[] = []): string {
  const values = boundParams(name, f, extra);
  const literal = (v: unknown) => (v == null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);
  return (DASHBOARD_SQL[name] ?? '').replace(/\$(\d+)/g, (m, n: string) => (Number(n) <= values.length ? literal(values[Number(n) - 1]) : m));
}
