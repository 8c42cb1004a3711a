// Live reads of the listening history for the import section: the listens that match no library
// track (sql/queries/listened_elsewhere.sql reads silver.listens only).
import { listenedElsewhere as listenedElsewhereQuery } from '../../lakehouse/history/history-queries';
import { defineRead } from '../live/read';

export type { ElsewhereListen } from '../../lakehouse/history/history-queries';

export const listenedElsewhere = defineRead(['silver.listens'], (sql) => listenedElsewhereQuery(sql));
