// Runs a read against the lakehouse and re-runs it whenever the data changes (state.version).
import { createResource, type Resource } from 'solid-js';
import type { SqlClient } from '../lakehouse/engine/sql-client';
import { useLakehouse } from './lakehouse-store';

export function useQuery<T>(read: (sql: SqlClient) => Promise<T>, key?: () => unknown): Resource<T> {
  const [state, actions] = useLakehouse();
  const [data] = createResource(
    () => (state.db === 'ready' ? [state.version, key?.()] : false),
    async () => read((await actions.lakehouse()).read),
  );
  return data;
}
