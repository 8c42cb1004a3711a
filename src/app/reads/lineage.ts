// /lineage's reads: the runs that built models, a run's model graph with row counts (sources,
// raw and meta tables, are counted as they are now), and its lineage rows.
import { lineageGraph as graphOf, lineageRows as rowsOf, lineageRuns as runsOf } from '../../lakehouse/models/lineage';
import { defineRead } from '../live/read';

export const lineageRuns = defineRead(['meta.lineage'], runsOf);
/** `runId` null: the latest run. */
export const lineageGraph = defineRead(['meta.*', 'raw.*'], (sql, runId: number | null) => graphOf(sql, runId));
export const lineageRows = defineRead(['meta.lineage'], (sql, runId: number) => rowsOf(sql, runId));
