// Ratings and play counters that players write into tags, normalised: rating 0..5, count >= 0.
import type { IAudioMetadata, ICommonTagsResult } from 'music-metadata';

type INativeTags = IAudioMetadata['native'];

/** music-metadata already maps POPM, FMPS_RATING, RATING and MP4 rate to 0..1 in common.rating. */
export function readRating(common: ICommonTagsResult, native: INativeTags): number | null {
  const values = (common.rating ?? []).map((r) => r.rating).filter((r): r is number => typeof r === 'number' && Number.isFinite(r));
  if (values.length) return Math.round(Math.max(...values) * 5 * 100) / 100;
  for (const tag of Object.values(native).flat()) {
    if (/^FMPS_RATING$/i.test(tag.id)) {
      const n = Number(tag.value);
      if (Number.isFinite(n) && n >= 0 && n <= 1) return Math.round(n * 5 * 100) / 100;
    }
  }
  return null;
}

/** The largest play counter found: ID3 POPM counter, PCNT, FMPS_PLAYCOUNT, PLAY_COUNT. */
export function readCounters(native: INativeTags): number | null {
  let best: number | null = null;
  const take = (v: unknown) => {
    const n = typeof v === 'bigint' ? Number(v) : Number(v);
    if (Number.isFinite(n) && n >= 0 && n < 1e7) best = Math.max(best ?? 0, Math.round(n));
  };
  for (const tag of Object.values(native).flat()) {
    if (tag.id === 'POPM' && tag.value && typeof tag.value === 'object' && 'counter' in tag.value) take((tag.value as { counter: unknown }).counter);
    else if (tag.id === 'PCNT' || tag.id === 'CNT') take(tag.value);
    else if (/^(FMPS_PLAYCOUNT|PLAY_?COUNT)$/i.test(tag.id)) take(tag.value);
  }
  return best;
}
