// The shared tail of every run: rebuild bronze -> silver -> gold from what raw now holds.
// Ingest runs and history imports both end here.
import { runModels } from '../lakehouse/models';
import type { RunContext } from './run-steps';

export async function buildLakehouse(ctx: RunContext): Promise<void> {
  for (const layer of ['bronze', 'silver', 'gold'] as const) {
    await ctx.step(layer, async () => {
      const built = await runModels(ctx.sql, [layer]);
      return { value: built, out: built.reduce((n, b) => n + b.rows, 0) };
    });
  }
}
