// Energy, 0..1: how loud and how busy a track is. Our own definition (no standard exists):
//   energy = 0.5 * loudness term + 0.5 * onset-density term
//   loudness term: integrated loudness mapped linearly from -35 LUFS (0) to -5 LUFS (1)
//   onset-density term: onsets per second / 6, where an onset is a local peak of the onset
//   envelope above its +-0.5 s mean plus one standard deviation, at least 80 ms after the last.
// Quiet solo pieces land near 0.1-0.3, dense loud dance music near 0.8-1.

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));

export function onsetsPerSecond(o: Float32Array, frameRateHz: number): number {
  if (o.length < 3) return 0;
  const half = Math.max(1, Math.round(0.5 * frameRateHz));
  const gap = Math.round(0.08 * frameRateHz);
  let count = 0;
  let last = -Infinity;
  // Running sums over the +-0.5 s window keep this linear in the envelope length.
  let s = 0, ss = 0, lo = 0, hi = 0;
  for (let t = 1; t < o.length - 1; t++) {
    while (hi < Math.min(o.length, t + half + 1)) { s += o[hi]!; ss += o[hi]! * o[hi]!; hi++; }
    while (lo < t - half) { s -= o[lo]!; ss -= o[lo]! * o[lo]!; lo++; }
    const n = hi - lo;
    const mean = s / n;
    const sd = Math.sqrt(Math.max(0, ss / n - mean * mean));
    const v = o[t]!;
    if (v > mean + sd && v >= o[t - 1]! && v > o[t + 1]! && t - last >= gap) {
      count++;
      last = t;
    }
  }
  return count / (o.length / frameRateHz);
}

export function energyScore(loudnessLufs: number | null, onsetRate: number): number | null {
  if (loudnessLufs === null) return 0;
  return clamp01(0.5 * clamp01((loudnessLufs + 35) / 30) + 0.5 * clamp01(onsetRate / 6));
}
