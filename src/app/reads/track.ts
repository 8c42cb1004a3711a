// Live reads of a track's page: its gold row, where its values came from, and its waveform. Each
// names every table its SQL reads, so a rating, a play, a correction or a run that touches one of
// them re-runs it, and nothing else does.
import { trackLineage as trackLineageQuery } from '../../lakehouse/models/track-lineage';
import { trackById } from '../../lakehouse/queries/queries';
import { waveformOf } from '../../lakehouse/runs/analysis';
import { defineRead } from '../live/read';

export type { TrackLineage } from '../../lakehouse/models/track-lineage';

/** The track's row of gold.track_facts (null when no track has this id). */
export const track = defineRead(['gold.track_facts'], (sql, trackId: string) => trackById(sql, trackId));

/** The four queries of sql/queries/track_lineage/*.sql, worded by src/domain/track-lineage.ts. */
export const trackLineage = defineRead(
  [
    'gold.track_facts', // sources.sql, corrections.sql
    'silver.tracks', 'raw.tag_reads', 'raw.files', 'raw.analysis', 'silver.track_interactions', 'raw.rating_predictions', 'meta.rating_models', // sources.sql
    'silver.listens', 'silver.library_entries', 'raw.history_imports', // contributions.sql
    'silver.ratings', // ratings.sql
    'raw.tag_corrections', // corrections.sql
  ],
  (sql, trackId: string) => trackLineageQuery(sql, trackId),
);

/** The packed waveform of the track's analysis (raw.analysis, through its gold row's path). */
export const waveform = defineRead(['gold.track_facts', 'raw.analysis'], (sql, trackId: string) => waveformOf(sql, trackId));
