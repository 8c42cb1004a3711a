// The one path to gold, the shared tail of every run and every publish within one: bronze ->
// checks -> silver -> checks -> gold -> checks -> publish -> anomalies, each a recorded step. Gold
// is built into snap.*, checked there, and only then copied over gold in one transaction, so a
// failing step or an error-severity rule leaves the last good gold exactly as it was.
// Incremental unless `full`.
import { detectAnomalies } from '../lakehouse/models/anomalies';
import { runChecks } from '../lakehouse/models/checks';
import { syncDescriptions } from '../lakehouse/models/descriptions';
import { runModels, type Layer, type Model } from '../lakehouse/models/models';
import { log } from '../lakehouse/runs/runs';
import { dropBuild, publishSnapshot, snapshotTarget } from '../lakehouse/backup/snapshots';
import type { RunContext } from './run-steps';

export interface BuildOptions {
  /** Rebuild every model whole (the "Full rebuild" button); default incremental. */
  full?: boolean;
  /** The models to run; tests pass a broken one. Default: every model file. */
  models?: Model[];
  /**
   * Names an earlier publish of a run that publishes twice (an ingest publishes its tags before
   * analysis): its steps are recorded as `<name>_bronze` ... `<name>_publish`, apart from the run's
   * final build, and it leaves anomaly detection to that build, which sees what the run ends with.
   */
  name?: string;
}

export async function buildLakehouse(ctx: RunContext, opts: BuildOptions = {}): Promise<void> {
  const { sql, runId } = ctx;
  const toSnapshot = snapshotTarget(runId);
  const step = (name: string) => (opts.name ? `${opts.name}_${name}` : name);
  const layer = (name: Layer, target?: (m: string) => string) =>
    ctx.step(step(name), async () => {
      const built = await runModels(sql, [name], { runId, full: opts.full, target, models: opts.models });
      return { value: built, in: built.reduce((n, b) => n + b.rowsIn, 0), out: built.reduce((n, b) => n + b.rows, 0) };
    });
  const checks = (name: Layer, resolve?: (t: string) => string) =>
    ctx.step(step(`checks_${name}`), async () => {
      const s = await runChecks(sql, runId, name, resolve);
      if (s.failed) await log(sql, 'warn', runId, step(`checks_${name}`), `${s.failed} of ${s.rules} rules failed (warnings); see Quality`);
      return { value: s, in: s.rules, out: s.rules - s.failed };
    });

  await layer('bronze');
  await checks('bronze');
  await layer('silver');
  await checks('silver');
  try {
    await layer('gold', toSnapshot);
    await checks('gold', toSnapshot);
    await ctx.step(step('publish'), async () => {
      // The checked build reaches the database file before gold changes: storage that is full
      // fails here, with the published gold as it was, rather than at the run's last checkpoint
      // after the swap (in memory on an in-memory database, where it costs nothing).
      await sql.exec('CHECKPOINT');
      const p = await publishSnapshot(sql, runId);
      await syncDescriptions(sql);
      return { value: p, in: p.tables, out: p.rows };
    });
  } catch (error) {
    // The unpublished build is not a good one: drop it. What the run published before stays kept.
    await dropBuild(sql, runId).catch(() => undefined);
    throw error;
  }
  if (opts.name) return;
  // Anomalies are findings, not failures: a broken detector is logged and the run still succeeds.
  await ctx.step('anomalies', async () => {
    try {
      const a = await detectAnomalies(sql, runId);
      if (a.found) await log(sql, 'warn', runId, 'anomalies', `${a.found} new anomal${a.found > 1 ? 'ies' : 'y'}; see Quality`);
      return { value: a, out: a.found };
    } catch (error) {
      await log(sql, 'warn', runId, 'anomalies', `Anomaly detection skipped: ${error instanceof Error ? error.message : String(error)}`);
      return { value: null, out: 0 };
    }
  });
}
