// Contract of the rating-model worker: rated and unrated tracks in, a cross-validated model's
// predictions with explanations out. src/ imports this file with `import type` only.

/** One library track with what the model may learn from (gold.track_facts plus raw.analysis timbre). */
export interface RatingInput {
  trackId: string;
  artist: string | null;
  title: string | null;
  rating: number | null; // 0..5; null = unrated, to be predicted
  bpm: number | null;
  key: string | null;
  energy: number | null;
  danceability: number | null;
  loudnessLufs: number | null;
  durationS: number | null;
  year: number | null;
  genre: string | null;
  playCount: number | null;
  skipCount: number | null;
  mfcc: number[] | null;
}

export interface SimilarRated {
  trackId: string;
  artist: string | null;
  title: string | null;
  rating: number;
  similarity: number; // 0..1
}

export interface Prediction {
  trackId: string;
  predicted: number; // 0..5 stars
  explanation: string;
  similar: SimilarRated[];
}

export type RatingResult =
  | { status: 'too-few-ratings'; rated: number; needed: number; message: string }
  | {
      status: 'trained';
      rated: number;
      cvMae: number; // 5-fold cross-validated, stars
      baselineMae: number; // always the training folds' mean, same folds
      features: string[];
      library: string;
      predictions: Prediction[];
    };

export const MIN_RATED = 20;

export interface RatingsApi {
  train(tracks: RatingInput[]): Promise<RatingResult>;
}
