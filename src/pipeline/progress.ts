// Rate and time-left estimates for long work, smoothed over a sliding window so the numbers
// a person reads do not jump around.
export interface Progress {
  phase: string;
  done: number;
  total: number;
  perSecond: number;
  etaSeconds: number | null;
  /** Extra figures for the progress line, e.g. audio hours and x realtime. */
  detail?: string;
}

export function createRateMeter(windowMs = 5_000) {
  const samples: { t: number; done: number }[] = [];
  return (phase: string, done: number, total: number, now = performance.now()): Progress => {
    samples.push({ t: now, done });
    while (samples.length > 2 && now - samples[0]!.t > windowMs) samples.shift();
    const first = samples[0]!;
    const dt = (now - first.t) / 1000;
    const perSecond = dt > 0.2 ? (done - first.done) / dt : 0;
    const etaSeconds = perSecond > 0 ? (total - done) / perSecond : null;
    return { phase, done, total, perSecond, etaSeconds };
  };
}
