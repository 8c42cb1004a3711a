// The words for where a track's values came from (its page's lineage): what each shown column was
// read, measured, counted or predicted from. Pure, so the wording is tested without a database;
// the facts themselves are read by lakehouse/models/track-lineage.ts.
import type { CorrectableField } from './tag-corrections';

export interface TrackSources {
  track_id: string; path: string; gold_run_id: number | null; gold_model: string; silver_run_id: number | null; silver_model: string | null;
  tags_run_id: number | null; tag_reader: string | null; derived_fields: string | null; genre: string | null; genre_tag: string | null;
  label_source: string | null; key_tag: string | null; bpm_tag: number | null; rating_tag: number | null; play_count_tag: number | null;
  container: string | null; tag_native_json: string | null; tags_read_at: string | null; first_seen_run: number | null; first_seen_at: string | null;
  fingerprint: string | null; analyser: string | null; analyser_version: string | null; analysis_run_id: number | null; analysed_at: string | null;
  analysis_error: string | null; duration_analysed: boolean | null; bpm_analysed: boolean | null; key_analysed: boolean | null;
  service_plays: number | null; service_skips: number | null; player_plays: number | null; player_skips: number | null;
  entry_plays: number | null; entry_skips: number | null; rating_source: string | null; prediction_run_id: number | null;
  prediction_explanation: string | null; prediction_trained_at: string | null; prediction_rated_tracks: number | null; prediction_cv_mae: number | null;
}

/** One import file (history), other player's library entry, or in-app player that counted this track. */
export interface Contribution {
  kind: 'history' | 'library' | 'player'; source: string; import_id: number | null; file_name: string | null; format: string | null;
  run_id: number | null; plays: number | null; skips: number | null; shared_listens: number | null; rating: number | null;
}

export interface RatingSource {
  source: string; rating: number; precedence: number; provenance: string; rated_at: string | null; match_confidence: number | null;
  import_id: number | null; import_file: string | null; import_run_id: number | null;
}

/** A correction the person made to one field of the track's canonical file (raw.tag_corrections). */
export interface TagCorrection {
  field: CorrectableField; value: string | null; corrected_at: string; run_id: number;
  /** What the tag itself says, as bronze would take it; null when the tag has none. */
  tag_value: string | null;
}

const FORMAT_NAMES: Record<string, string> = { vorbis: 'Vorbis comment', iTunes: 'iTunes MP4 atoms', asf: 'ASF', exif: 'EXIF', matroska: 'Matroska tags' };

/** The tag formats the reader found: the top-level keys of its native tags (ID3v2.4, vorbis, ...). */
export function tagFormatsOf(nativeJson: string | null): string[] {
  if (!nativeJson) return [];
  try {
    const native = JSON.parse(nativeJson) as Record<string, unknown>;
    if (native.truncated === true) return [];
    return Object.entries(native).filter(([, tags]) => Array.isArray(tags) && tags.length > 0).map(([k]) => FORMAT_NAMES[k] ?? k);
  } catch {
    return [];
  }
}

const SOURCE_NAMES: Record<string, string> = {
  spotify: 'Spotify', lastfm: 'Last.fm', itunes: 'iTunes / Apple Music library', rekordbox: 'rekordbox library', 'wolfie-player': "Wolfie's player",
};
export const sourceName = (s: string) => SOURCE_NAMES[s] ?? s;
const runText = (run: number | null) => (run == null ? '' : `, run ${run}`);
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function importText(c: { import_id: number | null; file_name?: string | null; import_file?: string | null; run_id?: number | null; import_run_id?: number | null }): string {
  return `import #${c.import_id} (${c.file_name ?? c.import_file})${runText(c.run_id ?? c.import_run_id ?? null)}`;
}

/**
 * One phrase per shown column. Pure, so the wording is tested without a database. `file` names the
 * track's canonical file: its path by default, 'this file' on the page that already shows the path.
 */
export function describeFields(
  s: TrackSources, tagFormats: string[], contributions: Contribution[], ratings: RatingSource[], file = s.path, corrections: TagCorrection[] = [],
): Record<string, string | undefined> {
  const reader = s.tag_reader ?? 'the tag reader';
  const formats = tagFormats.length ? tagFormats.join(' + ') : (s.container ?? 'no tags found');
  const tag = `tag (${formats}) of ${file}, read by ${reader}${runText(s.tags_run_id)}`;
  const header = `${s.container ?? 'container'} header of ${file}, read by ${reader}${runText(s.tags_run_id)}`;
  const analyser = s.analyser ? `analyser ${s.analyser} ${s.analyser_version} (essentia.js and its own DSP) on ${file}${runText(s.analysis_run_id)}` : undefined;
  // A column with no recorded source gets no entry (the page then shows none).
  const out: Record<string, string | undefined> = {};
  for (const k of ['artist', 'album', 'album_artist', 'year', 'title']) out[k] = tag;
  // Derived names say where they were read from, so a person knows a tag editor would do better.
  for (const k of s.derived_fields?.split(', ') ?? []) {
    out[k] = k === 'title' || k === 'track_no' ? `the name of ${file} (no ${k === 'title' ? 'title' : 'track number'} tag)` : `the folder and file name of ${file} (no ${k} tag)`;
  }
  out.genre = s.genre_tag && s.genre_tag !== s.genre ? `${tag}; "${s.genre_tag}" mapped to "${s.genre}" by meta.genre_aliases` : tag;
  out.label = tag;
  out.duration_s = s.duration_analysed && analyser ? `decoded samples counted by the ${analyser}` : header;
  out.format = `file extension of ${file}`;
  for (const k of ['codec', 'sample_rate_hz', 'bitrate_kbps']) out[k] = header;
  out.bpm = !s.bpm_analysed && s.bpm_tag != null ? `BPM ${tag}` : analyser;
  out.key = !s.key_analysed && s.key_tag ? `key ${tag}` : analyser;
  out.camelot = out.open_key = `the key, through meta.key_notation`;
  for (const k of ['bpm_confidence', 'key_strength', 'loudness_lufs', 'loudness_range_lu', 'true_peak_dbtp', 'replaygain_track_gain_db', 'energy', 'danceability']) out[k] = analyser;
  out.analysed_by = `raw.analysis${runText(s.analysis_run_id)}${s.analysed_at ? ` at ${s.analysed_at.slice(0, 19)}` : ''}`;
  out.play_count = counterText('plays', s.service_plays, s.play_count_tag, s.player_plays, contributions);
  out.skip_count = counterText('skips', s.service_skips, null, s.player_skips, contributions);
  const winner = ratings[0];
  out.rating = winner ? ratingText(winner, file) : undefined;
  out.predicted_rating = s.prediction_run_id != null
    ? `rating model trained in run ${s.prediction_run_id}${s.prediction_rated_tracks != null ? ` on ${plural(s.prediction_rated_tracks, 'rated track')}` : ''}${s.prediction_cv_mae != null ? ` (cross-validated error ${s.prediction_cv_mae.toFixed(2)} stars)` : ''}`
    : undefined;
  out.path = `raw.files, first seen in run ${s.first_seen_run}${s.first_seen_at ? ` at ${s.first_seen_at.slice(0, 19)}` : ''}`;
  for (const c of corrections) out[c.field] = correctionText(c, s);
  return out;
}

/** A corrected field's source: the person, when, and what the tag itself says (it stays in the file). */
function correctionText(c: TagCorrection, s: TrackSources): string {
  const when = c.corrected_at.slice(0, 16);
  const tag = c.tag_value == null ? 'the tag has none' : `the tag says "${c.tag_value}"`;
  if (c.value == null) return `your correction (cleared), ${when}${c.field === 'title' ? ': the file name is shown' : ''}; ${tag}`;
  const mapped = c.field === 'genre' && s.genre_tag && s.genre && s.genre_tag !== s.genre ? `, "${s.genre_tag}" mapped to "${s.genre}" by meta.genre_aliases` : '';
  return `your correction, ${when}${mapped}; ${tag}`;
}

function counterText(what: 'plays' | 'skips', service: number | null, tag: number | null, player: number | null, contributions: Contribution[]): string | undefined {
  const history = contributions.filter((c) => c.kind === 'history' && (c[what] ?? 0) > 0);
  const imports = new Set(history.map((c) => c.import_id)).size;
  const libraries = contributions.filter((c) => c.kind === 'library' && c[what] != null).map((c) => `${sourceName(c.source)} ${c[what]} (${importText(c)})`);
  // Overlapping counters take the largest (silver.track_interactions): say which ones competed.
  const parts: string[] = [];
  if (service) parts.push(`listening history ${service} (${plural(imports, 'import')})`);
  parts.push(...libraries);
  if (tag) parts.push(`play-count tag ${tag}`);
  const base = parts.length > 1 ? `largest of ${parts.join(', ')}` : parts[0] ?? '';
  const own = player ? `${player} in Wolfie's player` : '';
  if (!base && !own) return undefined;
  return [base, own].filter(Boolean).join(own && base ? ', plus ' : '');
}

function ratingText(r: RatingSource, path: string): string {
  if (r.source === 'user') return `your rating, set in Wolfie${r.rated_at ? ` at ${r.rated_at.slice(0, 16)}` : ''} (${r.provenance.replace('raw.user_ratings via ', '')})`;
  if (r.source === 'tag') return `rating tag (POPM / FMPS / RATING) of ${path}`;
  return `${sourceName(r.source)}, ${importText(r)}`;
}
