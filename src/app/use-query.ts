// Transitional: a read that re-runs after any change. Pages move to live reads (live/use-live.ts),
// which name their tables and re-run only when one of them changes; this goes when none is left.
import { createResource, type Resource } from 'solid-js';
import type { SqlClient } from '../lakehouse/engine/sql-client';
import { useLakehouse } from './lakehouse-store';

export function useQuery<T>(read: (sql: SqlClient) => Promise<T>, key?: () => unknown): Resource<T> {
  const [state, actions] = useLakehouse();
  const [data] = createResource(
    () => (state.db === 'ready' ? [actions.changes.version(['*']), key?.()] : false),
    async () => read((await actions.lakehouse()).read),
  );
  return data;
}
