// Retrains the rating model after a pipeline run: reads the lakehouse, trains in the ratings
// worker (the page stays responsive), writes predictions back. One worker per training, closed
// after; a failure is logged and leaves the previous predictions in place.
import type { RatingResult, RatingsApi } from '../../workers/ratings/api';
import { WorkerPool } from './worker-pool';
import { ratingInputs, storeRatingModel } from '../lakehouse/queries/predictions';
import type { SqlClient } from '../lakehouse/engine/sql-client';

let training: Promise<RatingResult | null> | null = null;

/** Training 100,000 tracks takes seconds; a worker silent for this long is stuck, not busy. */
const TRAIN_TIMEOUT_MS = 10 * 60_000;

export function retrainRatings(lake: { sql: SqlClient }, onDone?: (r: RatingResult) => void): Promise<RatingResult | null> {
  // Two runs finishing close together need one training, not two racing ones.
  training ??= (async () => {
    const pool = new WorkerPool<RatingsApi>(() => new Worker(new URL('../../workers/ratings/ratings.worker.ts', import.meta.url), { type: 'module' }), 1);
    try {
      const inputs = await ratingInputs(lake.sql);
      const result = await pool.run<RatingResult>((api) => api.train(inputs), TRAIN_TIMEOUT_MS);
      await storeRatingModel(lake.sql, result);
      onDone?.(result);
      return result;
    } catch (error) {
      console.warn('Rating model training failed; earlier predictions kept.', error);
      return null;
    } finally {
      pool.terminate();
      training = null;
    }
  })();
  return training;
}
