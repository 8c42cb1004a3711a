// /quality's reads: the latest run's rule results, the anomalies found, and the rules themselves.
import { recentAnomalies } from '../../lakehouse/models/anomalies';
import { allRules, dqResults } from '../../lakehouse/models/rules';
import { defineRead } from '../live/read';

export const checkResults = defineRead(['meta.dq_results'], (sql) => dqResults(sql));
export const anomalies = defineRead(['meta.anomalies'], recentAnomalies);
export const rules = defineRead(['meta.dq_rules'], allRules);
