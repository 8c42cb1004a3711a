// One dashboard query as a Solid resource, re-run when its filters change or the data changes.
import type { Resource } from 'solid-js';
import { useQuery } from '../../../app/use-query';
import { dashQuery, type DashFilters, type DashQuery } from '../../../lakehouse/queries/dashboards';
import type { Row } from '../../../lakehouse/engine/sql-client';

export function useDash<T extends Row>(name: DashQuery, filters: () => DashFilters, extra: () => unknown[] = () => []): Resource<T[]> {
  return useQuery((read) => dashQuery<T>(read, name, filters(), extra()), () => JSON.stringify([filters(), extra()]));
}

/** 'true' once every resource of a tab has data: the benchmark and tests wait for it. */
export function readyOf(...resources: Resource<unknown>[]): 'true' | 'false' {
  return resources.every((r) => r.state === 'ready') ? 'true' : 'false';
}

export const fmt = (n: number | null | undefined, digits = 0) =>
  n == null ? '–' : Number(n).toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
