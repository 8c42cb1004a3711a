// The interactions step: after a rating, a play or a skip, re-derives the silver and gold rows of
// just those tracks with the models' own definitions (the macros silver.player_listen_rows and
// silver.user_rating_rows, the model silver.track_interactions), so the action is in gold at
// once, without a run. Gold aggregates over those rows (artist and genre summaries, dashboard
// tables) follow with refreshDerivedGold, a moment later. Both run inside the caller's
// transaction. Neither reads a file or changes what a run publishes: the next run derives the
// same rows from raw.
import { ensureMacros, MODELS } from '../models/models';
import { ident, type SqlClient } from '../engine/sql-client';
import { PLAYER_SOURCE } from './interactions';

/** What the step writes, for the change notice. */
export const TRACK_INTERACTION_TABLES = ['silver.listens', 'silver.ratings', 'silver.track_interactions', 'gold.track_facts'] as const;

/**
 * silver.player_listen_rows is created by the silver.listens model file (it reads bronze.tracks);
 * a library last built before that macro existed gets it from the same file here.
 */
async function ensurePlayerMacro(sql: SqlClient): Promise<void> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_functions() WHERE schema_name = 'silver' AND function_name = 'player_listen_rows'`);
  if (row?.n) return;
  const text = MODELS.find((m) => m.name === 'silver.listens')!.sql;
  await sql.exec(text.slice(text.indexOf('CREATE OR REPLACE MACRO silver.player_listen_rows'), text.indexOf('CREATE OR REPLACE TABLE silver.listens')));
}

const model = (name: string) => {
  const m = MODELS.find((x) => x.name === name);
  if (!m?.select) throw new Error(`Model ${name} must be a SELECT model for the interactions step`);
  return m.select;
};

/** `all`: every track (after a snapshot or backup restore put older gold back). */
export async function refreshTrackInteractions(sql: SqlClient, trackIds: readonly string[] | 'all'): Promise<void> {
  if (trackIds !== 'all' && !trackIds.length) return;
  const [gold] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = 'track_facts'`);
  if (!gold?.n) return; // nothing built yet: the first run derives everything from raw
  await ensureMacros(sql);
  await ensurePlayerMacro(sql);
  const all = trackIds === 'all';
  await sql.exec(`SET VARIABLE wolfie_full = ${all}`);
  // Track ids are hex digests; one bound string split in SQL (the client binds scalars only).
  await sql.query(`CREATE OR REPLACE TEMP TABLE changed_keys AS SELECT DISTINCT unnest(string_split(?, ',')) AS key`, [all ? '' : trackIds.join(',')]);
  const scoped = (column: string) => (all ? 'true' : `${ident(column)} IN (SELECT key FROM changed_keys)`);
  await sql.query(`DELETE FROM silver.listens WHERE source = ? AND ${scoped('source_track_id')}`, [PLAYER_SOURCE]);
  await sql.exec(`INSERT INTO silver.listens BY NAME SELECT * FROM silver.player_listen_rows() WHERE ${scoped('source_track_id')}`);
  await sql.exec(`DELETE FROM silver.ratings WHERE source = 'user' AND ${scoped('track_id')}`);
  await sql.exec(`INSERT INTO silver.ratings BY NAME SELECT * FROM silver.user_rating_rows() WHERE ${scoped('track_id')}`);
  await sql.exec(`DELETE FROM silver.track_interactions WHERE ${scoped('track_id')}`);
  await sql.exec(`INSERT INTO silver.track_interactions BY NAME ${model('silver.track_interactions')}`);
  // gold.track_facts takes these four from silver.track_interactions as they are (its model says so).
  await sql.exec(
    `UPDATE gold.track_facts g SET play_count = i.play_count, skip_count = i.skip_count, rating = i.rating, last_played_at = i.last_played_at
     FROM (SELECT f.track_id, i.play_count, i.skip_count, i.rating, i.last_played_at
           FROM gold.track_facts f LEFT JOIN silver.track_interactions i ON i.track_id = f.track_id
           WHERE ${all ? 'true' : 'f.track_id IN (SELECT key FROM changed_keys)'}) i
     WHERE g.track_id = i.track_id
       AND (g.play_count IS DISTINCT FROM i.play_count OR g.skip_count IS DISTINCT FROM i.skip_count
            OR g.rating IS DISTINCT FROM i.rating OR g.last_played_at IS DISTINCT FROM i.last_played_at)`,
  );
}

/** Gold models that read the interaction figures, directly or through another model; not gold.track_facts itself. */
export const DERIVED_GOLD = (() => {
  const sources = new Set(['silver.listens', 'silver.track_interactions', 'silver.ratings', 'gold.track_facts']);
  const derived: string[] = [];
  for (const m of MODELS) {
    // MODELS is in dependency order, so a model's inputs are classified before it.
    if (m.layer === 'gold' && m.name !== 'gold.track_facts' && m.depends.some((d) => sources.has(d))) {
      sources.add(m.name);
      derived.push(m.name);
    }
  }
  return derived;
})();

/**
 * Rebuilds the gold aggregates over the interaction figures (DERIVED_GOLD) from the gold and
 * silver rows the interactions step updated. Their rows keep the run id of the build that
 * published gold: no run made them, and lineage stays that run's.
 */
export async function refreshDerivedGold(sql: SqlClient): Promise<string[]> {
  const [gold] = await sql.query<{ run_id: number | null }>(`SELECT max(run_id) AS run_id FROM gold.track_facts`);
  await ensureMacros(sql);
  await sql.exec(`SET VARIABLE wolfie_run_id = ${Number(gold?.run_id ?? 0) | 0}; SET VARIABLE wolfie_full = true`);
  await sql.exec(`CREATE OR REPLACE TEMP TABLE changed_keys (key VARCHAR)`);
  for (const name of DERIVED_GOLD) {
    const m = MODELS.find((x) => x.name === name)!;
    await sql.exec(m.select ? `CREATE OR REPLACE TABLE ${ident(name)} AS ${m.select}` : m.sql);
  }
  return DERIVED_GOLD;
}
