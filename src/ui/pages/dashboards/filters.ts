// The dashboards' shared filters live in the URL's search params (bookmarkable): period
// (from/to dates, or a preset relative to the last day of listening), genre, source, and the
// distribution page's clicked dimension/value.
import { useSearchParams } from '@solidjs/router';
import type { DashFilters, DashState } from '../../../app/reads/dashboards';

export const PRESETS = [
  ['all', 'All time'], ['30d', 'Last 30 days'], ['90d', 'Last 90 days'], ['365d', 'Last 12 months'], ['custom', 'Custom'],
] as const;
export type Preset = (typeof PRESETS)[number][0];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function minusDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n + 1);
  return d.toISOString().slice(0, 10);
}

export function useDashParams() {
  const [params, setParams] = useSearchParams<{ period?: string; from?: string; to?: string; genre?: string; source?: string; dim?: string; value?: string }>();
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;
  const preset = (): Preset => (PRESETS.some(([p]) => p === one(params.period)) ? (one(params.period) as Preset) : one(params.from) ? 'custom' : 'all');
  /** The filters bound to the queries; presets count back from the last day with listens. */
  const filters = (state: DashState | undefined): DashFilters => {
    const p = preset();
    const last = state?.lastDay ?? null;
    let from: string | null = null;
    let to: string | null = null;
    if (p === 'custom') {
      from = DATE.test(one(params.from) ?? '') ? one(params.from) : null;
      to = DATE.test(one(params.to) ?? '') ? one(params.to) : null;
    } else if (p !== 'all' && last) {
      to = last;
      from = minusDays(last, Number(p.slice(0, -1)));
    }
    return { from, to, genre: one(params.genre), source: one(params.source) };
  };
  return { params, setParams, preset, filters, one };
}

/** The earlier period of the same length, for risers and fallers. */
export function previousStart(f: DashFilters): string | null {
  if (!f.from || !f.to) return null;
  const days = Math.round((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000) + 1;
  return minusDays(f.from, days + 1).slice(0, 10);
}
