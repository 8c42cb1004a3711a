// Retrains the rating model after a pipeline run: reads the lakehouse, trains in the ratings
// worker (the page stays responsive), writes predictions back. One worker per training, closed
// after; a failure is logged and leaves the previous predictions in place.
import * as Comlink from 'comlink';
import type { RatingResult, RatingsApi } from '../../workers/ratings/api';
import { ratingInputs, storeRatingModel } from '../lakehouse/predictions';
import type { SqlClient } from '../lakehouse/sql-client';

let training: Promise<RatingResult | null> | null = null;

export function retrainRatings(lake: { sql: SqlClient }, onDone?: (r: RatingResult) => void): Promise<RatingResult | null> {
  // Two runs finishing close together need one training, not two racing ones.
  training ??= (async () => {
    const worker = new Worker(new URL('../../workers/ratings/ratings.worker.ts', import.meta.url), { type: 'module' });
    try {
      const api = Comlink.wrap<RatingsApi>(worker);
      const result = await api.train(await ratingInputs(lake.sql));
      await storeRatingModel(lake.sql, result);
      onDone?.(result);
      return result;
    } catch (error) {
      console.warn('Rating model training failed; earlier predictions kept.', error);
      return null;
    } finally {
      worker.terminate();
      training = null;
    }
  })();
  return training;
}
