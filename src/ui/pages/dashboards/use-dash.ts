// One dashboard query as a live read: re-run when its filters change, or when a run or a command
// changes one of the gold tables it reads (app/reads/dashboards.ts names them).
import { createMemo, type Resource } from 'solid-js';
import { dash, type DashArgs, type DashFilters, type DashQuery } from '../../../app/reads/dashboards';
import { useLive } from '../../../app/live/use-live';

export function useDash<T = Record<string, unknown>>(name: DashQuery, filters: () => DashFilters, extra: () => unknown[] = () => []): Resource<T[]> {
  // The page hands new filter objects whenever its state re-reads; equal filters must not re-run the query.
  const args = createMemo<DashArgs, undefined>(() => ({ name, filters: filters(), extra: extra() }), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  return useLive(dash, args) as Resource<T[]>;
}

/** 'true' once every resource of a tab has data: the benchmark and tests wait for it. */
export function readyOf(...resources: Resource<unknown>[]): 'true' | 'false' {
  return resources.every((r) => r.state === 'ready') ? 'true' : 'false';
}

export const fmt = (n: number | null | undefined, digits = 0) =>
  n == null ? '–' : Number(n).toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
