// Live reads of the library page: its track table, the CSV export, the files its folders' scans
// left out and the demo files. Each names the tables its SQL reads (sql/queries/*.sql), so it
// re-runs when a run or a command changes one of them, and only then.
import { libraryTracks as libraryTracksQuery, trackFactsForExport } from '../../lakehouse/queries/queries';
import { demoFileCount } from '../../lakehouse/runs/demo';
import { skippedFiles as skippedFilesQuery, skippedSummary as skippedSummaryQuery } from '../../lakehouse/runs/skipped-files';
import { defineRead } from '../live/read';

export type { LibraryTrack } from '../../lakehouse/queries/queries';
export type { SkippedListItem } from '../../lakehouse/runs/skipped-files';

/** One row per track, what the table shows (sql/queries/library_tracks.sql). */
export const libraryTracks = defineRead(['gold.track_facts'], (sql) => libraryTracksQuery(sql));

/** gold.track_facts with the contract's columns, for "Export tracks (CSV)": read once, at the click. */
export const trackFactsCsvRows = defineRead(['gold.track_facts'], (sql) => trackFactsForExport(sql));

/** How many files the latest scans skipped, by kind and format. */
export const skippedSummary = defineRead(['raw.skipped_files'], (sql) => skippedSummaryQuery(sql));

/** The skipped files themselves, unsupported formats first; at most `limit`. */
export const skippedFiles = defineRead(['raw.skipped_files'], (sql, limit: number) => skippedFilesQuery(sql, limit));

/** Live demo files in the library (0 when none): raw.files.is_demo (sql/demo/demo_files.sql). */
export const demoFiles = defineRead(['raw.files'], (sql) => demoFileCount(sql));
