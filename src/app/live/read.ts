// A read the pages use: the tables it reads (so it re-runs when one of them changes, and only
// then) and the query, on the read connection, which sees committed data only. Reads are defined
// in src/app/reads/ over the lakehouse's query functions; pages call them through useLive().
import type { SqlClient } from '../../lakehouse/engine/sql-client';
import type { TableName } from './changes';

export interface Read<A, T> {
  tables: readonly TableName[] | ((args: A) => readonly TableName[]);
  run(sql: SqlClient, args: A): Promise<T>;
}

export function defineRead<T, A = void>(tables: Read<A, T>['tables'], run: (sql: SqlClient, args: A) => Promise<T>): Read<A, T> {
  return { tables, run };
}

export const tablesOf = <A, T>(read: Read<A, T>, args: A): readonly TableName[] =>
  typeof read.tables === 'function' ? read.tables(args) : read.tables;
