// The SQL explorer's saved queries: save by name (the same name replaces the text) and delete,
// each with its audit line in the same transaction. Running a query is a read (reads/sql.ts).
import { deleteSaved, saveQuery as saveQueryRow } from '../../lakehouse/queries/saved-queries';
import { defineCommand } from './command';

const SAVED = ['meta.settings'];

export const saveQuery = defineCommand({
  action: 'query-save',
  changes: SAVED,
  guard: 'queue',
  failure: 'The query could not be saved',
  async check(_read, name: string, text: string) {
    if (!name.trim()) throw new Error('Give the query a name first');
    if (!text.trim()) throw new Error('There is no SQL to save');
  },
  async apply(sql, name: string, text: string) {
    const { replaced } = await saveQueryRow(sql, name.trim(), text);
    return { value: undefined, audit: `${replaced ? 'Replaced' : 'Saved'} query “${name.trim()}”: ${text}` };
  },
});

/** Resolves to whether such a query existed; only then is there an audit line. */
export const deleteSavedQuery = defineCommand({
  action: 'query-delete',
  changes: SAVED,
  guard: 'queue',
  failure: 'The saved query could not be deleted',
  async apply(sql, name: string) {
    const gone = await deleteSaved(sql, name);
    return { value: gone, audit: gone ? `Deleted saved query “${name}”` : null };
  },
});
