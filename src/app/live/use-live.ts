// A live read in a component: runs once the lakehouse is open, again when its arguments change,
// and again when a command or a run announces a change to a table it reads; never otherwise.
// `args` returning undefined holds the read (e.g. until a route parameter is known).
import { createResource, type Resource } from 'solid-js';
import { useLakehouse } from '../lakehouse-store';
import { tablesOf, type Read } from './read';

export function useLive<T, A = void>(read: Read<A, T>, args?: () => A | undefined): Resource<T> {
  const [state, actions] = useLakehouse();
  const [data] = createResource(
    () => {
      if (state.db !== 'ready') return false;
      const a = args ? args() : (undefined as A);
      if (args && a === undefined) return false;
      return { a: a as A, v: actions.changes.version(tablesOf(read, a as A)) };
    },
    async ({ a }) => read.run((await actions.lakehouse()).read, a),
  );
  return data;
}
