// Export tracks (CSV): gold.track_facts with the contract's columns, even before any are computed;
// its read (app/reads/library.ts) runs once, at the click, on the read connection (committed data only).
import Papa from 'papaparse';
import type { useLakehouse } from '../../../app/lakehouse-store';
import { trackFactsCsvRows } from '../../../app/reads/library';
import { downloadBlob } from '../../../platform/download';

export const EXPORT_COLUMNS = `track_id, path, artist, title, album, album_artist, genre, label, year, duration_s, format,
codec, sample_rate_hz, bitrate_kbps, bpm, bpm_confidence, key, key_strength, camelot,
loudness_lufs, loudness_range_lu, true_peak_dbtp, replaygain_track_gain_db, danceability,
energy, play_count, skip_count, rating, last_played_at, first_seen_at, predicted_rating, error`.split(/,\s*/);

export async function exportTracksCsv(actions: ReturnType<typeof useLakehouse>[1]): Promise<void> {
  const rows = await trackFactsCsvRows.run((await actions.lakehouse()).read);
  const csv = Papa.unparse({ fields: EXPORT_COLUMNS, data: rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? '')) }, { newline: '\r\n' });
  downloadBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), 'wolfie-tracks.csv');
}
